"""`python limits.py MB -- COMMAND...`: run COMMAND under resource limits.

Used inside the grading sandbox, so the limits bind the learner's kernel and whatever it starts.
"""

from __future__ import annotations

import os
import resource
import sys

MB = 1024 * 1024
MAX_FILE_MB = 64  # a submission may write files, not fill the disk


def main(argv: list[str]) -> None:
    memory_mb, sep, *command = argv
    if sep != "--" or not command:
        raise SystemExit("usage: python limits.py MB -- COMMAND...")
    limit = int(memory_mb) * MB
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_FSIZE, (MAX_FILE_MB * MB, MAX_FILE_MB * MB))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    os.execv(command[0], command)


if __name__ == "__main__":
    main(sys.argv[1:])
