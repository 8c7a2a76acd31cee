"""The check itself: the registry of measurements, the engine that runs them stage by stage, the verdict
computed once at the end, and the advice (change request, ascp command, checklist) saved with it."""
