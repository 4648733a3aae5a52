"""Start-up stays light: a command loads only what it uses (issue 17).

These are behaviour tests, not timings: each runs a real ``wallet`` command in
a fresh interpreter and looks at ``sys.modules`` afterwards. ``wallet --help``
must not load any of the heavy stacks (EU seals, the stacking solver, Qt, the
HTTP clients, the JSON-LD processor, crypto); ``wallet verify`` on a Data
Integrity credential must load the JSON-LD processor but none of the others,
and never pyld's network loaders; a JWT must not load the EU-seal stack.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = r"""
import contextlib, io, json, sys
from wallet.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    try:
        code = main(sys.argv[1:])
    except SystemExit as exc:
        code = exc.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""

#: Loaded by no command that does not use them (module name prefixes).
HEAVY = ("pyhanko", "pyhanko_certvalidator", "signxml", "highspy", "numpy", "PySide6", "httpx", "requests",
         "aiohttp", "asyncio", "urllib3", "psycopg", "starlette", "uvicorn", "reportlab", "qrcode", "PIL",
         "wallet.verify.seals", "wallet.stacking", "wallet.online", "wallet.storage", "wallet.sharing.pdf",
         "wallet.sharing.qr", "wallet.sharing.server", "wallet.sharing.bundle")
#: What ``--help`` must not load on top of those.
NOT_FOR_HELP = ("pyld", "lxml", "cryptography", "wallet.verify", "wallet.formats", "wallet.app")


def _modules(*args: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", SCRIPT, *args], cwd=ROOT, capture_output=True, text=True,
                         check=False, timeout=120)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    return set(result["modules"])


def _loaded(modules: set[str], prefixes: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == p or m.startswith(p + ".") for p in prefixes))


def test_help_loads_no_heavy_module() -> None:
    modules = _modules("--help")
    assert "argparse" in modules and "wallet.cli" in modules  # the command really ran
    assert _loaded(modules, HEAVY + NOT_FOR_HELP) == []


def test_verify_of_a_data_integrity_credential_loads_only_the_json_ld_stack(corpus_dir: Path) -> None:
    modules = _modules("verify", str(corpus_dir / "ob3-eddsa-rdfc-2022.valid.001.json"))
    assert "pyld.jsonld" in modules and "wallet.verify.dataintegrity" in modules
    assert _loaded(modules, HEAVY) == []
    # pyld's package __init__ and its network document loaders stay unloaded (wallet.verify.pyld_offline),
    # as do lxml (pyld imports lxml.html for JSON-LD in HTML only) and the import use case
    assert _loaded(modules, ("pyld.documentloader.aiohttp", "pyld.documentloader.file", "lxml.html.defs",
                             "lxml.etree", "wallet.app.importing", "wallet.app.online")) == []


@pytest.mark.parametrize("name", ["jwt-vc11-es256.valid.001.jwt", "jose-vc2-eddsa.valid.001.jwt"])
def test_verify_of_a_jwt_loads_no_heavy_module(corpus_dir: Path, name: str) -> None:
    modules = _modules("verify", str(corpus_dir / name))
    assert "wallet.verify.jose_vc" in modules
    assert _loaded(modules, HEAVY + ("cryptography.x509",)) == []


def _run_python(script: str) -> subprocess.CompletedProcess[str]:
    """``script`` in a fresh interpreter from the project folder (what it imports, it imports cold)."""
    return subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False,
                          timeout=120)


def test_a_module_pyld_loads_late_works_when_used() -> None:
    """lxml.html, deferred while pyld loads, behaves as itself on first use."""
    script = (
        "from wallet.verify import jsonld\n"
        "import sys, lxml.html\n"
        "assert 'lxml.etree' not in sys.modules\n"
        "assert lxml.html.fromstring('<p>x</p>').tag == 'p'\n"
        "from lxml.html import defs\n"
        "assert 'p' in defs.block_tags\n"
        "print('ok')\n"
    )
    out = _run_python(script)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr


def test_pyld_loaded_offline_is_still_the_whole_package() -> None:
    """Code that reads pyld's package attributes after the wallet loaded it gets the real package."""
    script = (
        "import sys\n"
        "from wallet.verify import jsonld\n"
        "assert 'requests' not in sys.modules and 'asyncio' not in sys.modules\n"
        "import pyld\n"
        "from pyld import ContextResolver, DocumentLoader, RequestsDocumentLoader\n"
        "assert pyld.jsonld is sys.modules['pyld.jsonld']\n"
        "try:\n"
        "    pyld.jsonld.get_document_loader()('https://example.org/context.jsonld', {})\n"
        "except pyld.jsonld.JsonLdError:\n"
        "    print('refused')\n"
    )
    out = _run_python(script)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "refused"  # pyld's default loader is its dummy one: no HTTP path
