/**
 * The `tidlig-indsats` command. User mistakes end in a clear message and exit 1 (input) or 2
 * (usage), never a stack trace; a bug of ours exits 70 and asks to be reported.
 */
import { escapeTerminal, formatIssue, InputError, rejectionSummary } from "../lib/domain/issues.ts";
import { EXIT_INPUT, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from "./io.ts";
import { EVALUATE_HELP, runEvaluate } from "./evaluate.ts";
import { runTimeline, TIMELINE_HELP } from "./timeline.ts";

/** Subcommands provided by other modules are loaded only when used. */
type Command = { help: string; run: (args: string[], io: CliIo) => Promise<number> };

const MAX_PRINTED_ISSUES = 50;

export const MAIN_HELP = `Usage: tidlig-indsats <command> [options]

Reproduces and explains STAR's monitoring of the municipalities' early employment effort.

Commands:
  evaluate   verdicts for one window under opfoelgning-2024 or genopretning-2020
  timeline   the 2020 restoration process over a monthly series
  letter     the draft letter to one municipality (text or HTML)
  synth      write the synthetic default dataset (deterministic from a seed)
  fetch      fetch live figures from the Jobindsats API (token in JOBINDSATS_TOKEN)

Run "tidlig-indsats <command> --help" for the options of a command.
`;

async function loadCommand(name: string): Promise<Command | null> {
  switch (name) {
    case "evaluate":
      return { help: EVALUATE_HELP, run: runEvaluate };
    case "timeline":
      return { help: TIMELINE_HELP, run: runTimeline };
    case "letter": {
      const m = await import("./letter.ts");
      return { help: m.LETTER_HELP, run: m.runLetter };
    }
    case "synth": {
      const m = await import("./synth.ts");
      return { help: m.SYNTH_USAGE, run: m.runSynth };
    }
    case "fetch": {
      const m = await import("./fetch.ts");
      return { help: m.FETCH_HELP, run: m.runFetch };
    }
    default:
      return null;
  }
}

export async function main(argv: string[], rawIo: CliIo): Promise<number> {
  // Text from input files or a server may hold terminal control characters: never print them raw.
  const io: CliIo = {
    ...rawIo,
    stdout: (s) => rawIo.stdout(escapeTerminal(s)),
    stderr: (s) => rawIo.stderr(escapeTerminal(s)),
  };
  const [name, ...args] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    (name ? io.stdout : io.stderr)(MAIN_HELP);
    return name ? EXIT_OK : EXIT_USAGE;
  }
  const command = await loadCommand(name);
  if (!command) {
    io.stderr(`tidlig-indsats: unknown command "${name}"\n\n${MAIN_HELP}`);
    return EXIT_USAGE;
  }
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout(command.help);
    return EXIT_OK;
  }
  try {
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`tidlig-indsats ${name}: ${e.message}\n\n${command.help}`);
      return EXIT_USAGE;
    }
    if (e instanceof InputError) {
      const errors = e.issues.filter((i) => i.severity === "error");
      for (const issue of errors.slice(0, MAX_PRINTED_ISSUES)) io.stderr(`${formatIssue(issue)}\n`);
      if (errors.length > MAX_PRINTED_ISSUES) io.stderr(`… and ${errors.length - MAX_PRINTED_ISSUES} more errors\n`);
      io.stderr(`tidlig-indsats ${name}: input rejected (${rejectionSummary(e)}); nothing was evaluated\n`);
      return EXIT_INPUT;
    }
    // A bug of ours, not the user's: say so plainly (exit 70, never 1); the stack only on request.
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(
      `tidlig-indsats ${name}: unexpected error — please report it (with the command you ran): ${message}\n` +
        (io.env.TIDLIG_INDSATS_DEBUG ? "" : "(set TIDLIG_INDSATS_DEBUG=1 to print the stack trace)\n"),
    );
    if (io.env.TIDLIG_INDSATS_DEBUG) io.stderr(`${e instanceof Error ? e.stack : ""}\n`);
    return EXIT_INTERNAL;
  }
}
