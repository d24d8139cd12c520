"""``python -m kit.cli``: the same as the ``reflect`` command."""

from kit.cli import main

raise SystemExit(main())
