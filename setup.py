"""Build step for what pyproject.toml cannot declare: explain's compiled record search.

``optional=True``: where no C compiler is, the install still succeeds and ``scan.records`` falls back to the regular
expressions (the same records, found more slowly)."""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "aspdiag.tools.explain._records",
            ["aspdiag/tools/explain/_records.c"],
            optional=True,
            extra_compile_args=["-O2"],
        )
    ]
)
