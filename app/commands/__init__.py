"""Command-line subcommands; each module adds its parsers and runs its commands."""
