"""Interactive terminal pieces (rich live progress). Only the CLI imports this package."""
