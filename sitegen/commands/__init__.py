"""What an editor runs: build.py's subcommands, the preview server and new-site skeletons."""
