"""Runs ralph's LRS API on the fs backend for the xAPI tests: `ralph_lrs.py HOST PORT`.

Why not `ralph runserver -b fs`: in ralph-malph 5.1.0 the fs backend writes with the
operation type CREATE, which refuses a file that exists, so every POST after the first
fails with 500 "Statements bulk indexation failed". Appending is what an LRS file needs;
runserver also starts a reloader process, which a test would have to hunt down to stop.
Settings come from the environment as for runserver: RALPH_AUTH_FILE and
RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH.
"""

import os
import sys

# read by ralph.conf when it is first imported
os.environ.setdefault("RALPH_RUNSERVER_BACKEND", "fs")

import uvicorn  # noqa: E402
from ralph.backends.data.base import BaseOperationType  # noqa: E402
from ralph.backends.lrs.fs import FSLRSBackend  # noqa: E402

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

if __name__ == "__main__":
    uvicorn.run("ralph.api:app", host=sys.argv[1], port=int(sys.argv[2]), log_level="warning")
