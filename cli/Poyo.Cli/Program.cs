// poyo: the PoYo AI generation API from the command line (see README.md for the commands and exit codes).
using Poyo.Cli;

return await PoyoCommandLine.RunAsync(args).ConfigureAwait(false);
