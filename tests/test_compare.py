"""`finsam diff`: what a change in the data does to the lines, figures, findings and pages."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from generator.compare.pages import compare_pages
from generator.compare.show import md_code, md_text
from generator.formatting import NBSP

from .conftest import DATA, ROOT, run_cli

# The tests that run the CLI on a whole example take seconds each: the one-row diff and the
# folding stay in the quick loop, the rest are marked slow.
COMMIT = ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam"]


def _repo(tmp_path):
    """A git repository holding the example data, committed, as a reviewer's clone would."""
    shutil.copytree(DATA, tmp_path / "data")
    for args in (["init", "-q"], ["add", "data"], [*COMMIT, "data"]):
        subprocess.run(["git", *args], cwd=tmp_path, check=True)
    return tmp_path


def _edit(repo, path, old, new):
    file = repo / "data" / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new), encoding="utf-8")


BANKAVGIFTER = ("{text: Bankavgifter, belopp: -22437}", "{text: Bankavgifter, belopp: -23437}")

# One row of Not 6 changed by 1 000 kr: the row, the note's total, the statement line, every
# total above it and the key figures that moved (eget kapital, its ceiling, soliditet), where
# the report shows them; and the checks that now fail. Nothing that did not move.
ONE_ROW_TEXT = """\
Samordningsförbundet Halland 2023 (halland): HEAD → arbetskopian
1 rad i indata har ändrats; 26 belopp har ändrats; 3 nya fynd.

Ändrade rader i indata
  data/halland/2023.yaml:99 före:  - {text: Bankavgifter, belopp: -22437}
  data/halland/2023.yaml:99 efter: - {text: Bankavgifter, belopp: -23437}

Belopp som har ändrats
  Not 6 Finansiella kostnader
    Bankavgifter 2023: −22 437 → −23 437 (−1 000)
    Summa 2023: −22 437 → −23 437 (−1 000)
  Resultaträkning
    Finansiella kostnader 2023: −22 437 → −23 437 (−1 000)
    Resultat efter finansiella poster 2023: −2 812 499 → −2 813 499 (−1 000)
    Årets resultat 2023: −2 812 499 → −2 813 499 (−1 000)
  Balansräkning
    Årets resultat 2023: −2 812 499 → −2 813 499 (−1 000)
    Summa eget kapital 2023: 2 668 035 → 2 667 035 (−1 000)
    Summa eget kapital, avsättningar och skulder 2023: 6 297 833 → 6 296 833 (−1 000)
  Kassaflödesanalys
    Årets resultat 2023: −2 812 499 → −2 813 499 (−1 000)
    Medel från verksamheten före förändring av rörelsekapital 2023: −2 800 137 → −2 801 137 (−1 000)
    Kassaflöde från den löpande verksamheten 2023: −2 867 172 → −2 868 172 (−1 000)
    Årets kassaflöde 2023: −2 990 789 → −2 991 789 (−1 000)
  Nyckeltal
    Eget kapital ÷ årets medlemsavgifter 2023: 13,98 % → 13,97 % (−0,01 procentenheter)
    Eget kapital över taket (negativt: under taket) 2023: −194 745 → −195 745 (−1 000)
    Soliditet (summa eget kapital ÷ summa tillgångar) 2023: 42,36 % → 42,35 % (−0,02 procentenheter)
  Översikt över verksamhetens utveckling
    Årets resultat 2023: −2 812 499 → −2 813 499 (−1 000)
    Eget kapital 2023: 2 668 035 → 2 667 035 (−1 000)
    Soliditet 2023: 42,36 % → 42,35 % (−0,02 procentenheter)
  Balanskravsresultat
    Årets resultat enligt resultaträkningen 2023: −2 812 499 → −2 813 499 (−1 000)
    Årets resultat efter balanskravsjusteringar 2023: −2 812 499 → −2 813 499 (−1 000)
    Årets balanskravsresultat 2023: −2 812 499 → −2 813 499 (−1 000)
    Del av årets underskott som inte återställs enligt styrelsens beslut (synnerliga skäl) 2023: −2 812 499 → \
−2 813 499 (−1 000)
    Återställs inte enligt styrelsens beslut (summa) 2023: −2 812 499 → −2 813 499 (−1 000)
    Underskott (summa) 2023: −2 812 499 → −2 813 499 (−1 000)
  Underskott att återställa
    Årets underskott 2023, återställs inte enligt styrelsens beslut 2023: −2 812 499 → −2 813 499 (−1 000)
    Årets underskott 2023, underskott 2023: −2 812 499 → −2 813 499 (−1 000)

Nya fynd
  data/halland/2023.yaml:101:1: fel: balansräkningen 2023 balanserar inte: summa tillgångar 6 297 833, summa eget \
kapital, avsättningar och skulder 6 296 833, skillnad 1 000; rätta balansräkningens rader så att de stämmer med \
bokföringen [E-BALANS]
  data/halland/2023.yaml:101:1: fel: kassaflödesanalysen 2023 går inte ihop: likvida medel vid årets början \
8 528 237 + årets kassaflöde -2 991 789 = 5 536 448, men likvida medel vid årets slut är 5 537 448 (skillnad -1 000); \
kontrollera investeringar och balansräkningens rader för båda åren [E-KASSAFLODE]
  data/halland/2023.yaml:131:1: fel: driftredovisningen 2023 summerar till netto -2 812 499, men årets resultat är \
-2 813 499 (skillnad 1 000); varje krona i resultaträkningen hör till en verksamhet [E-DRIFT]
"""

_HEAD = "| Rad | År | Före | Efter | Skillnad |\n|:--|:--|--:|--:|--:|"
_RESULT = "| 2023 | −2 812 499 | −2 813 499 | −1 000 |"

# The same as a pull-request comment: 26 figures are more than 15, so they are folded.
ONE_ROW_MARKDOWN = f"""\
### Samordningsförbundet Halland 2023: `HEAD` → arbetskopian

1 rad i indata har ändrats; 26 belopp har ändrats; 3 nya fynd.

#### Ändrade rader i indata

```diff
- data/halland/2023.yaml:99: - {{text: Bankavgifter, belopp: -22437}}
+ data/halland/2023.yaml:99: - {{text: Bankavgifter, belopp: -23437}}
```

#### Belopp som har ändrats

<details><summary>26 belopp i 8 tabeller</summary>

**Not 6 Finansiella kostnader**

{_HEAD}
| Bankavgifter | 2023 | −22 437 | −23 437 | −1 000 |
| Summa | 2023 | −22 437 | −23 437 | −1 000 |

**Resultaträkning**

{_HEAD}
| Finansiella kostnader | 2023 | −22 437 | −23 437 | −1 000 |
| Resultat efter finansiella poster {_RESULT}
| Årets resultat {_RESULT}

**Balansräkning**

{_HEAD}
| Årets resultat {_RESULT}
| Summa eget kapital | 2023 | 2 668 035 | 2 667 035 | −1 000 |
| Summa eget kapital, avsättningar och skulder | 2023 | 6 297 833 | 6 296 833 | −1 000 |

**Kassaflödesanalys**

{_HEAD}
| Årets resultat {_RESULT}
| Medel från verksamheten före förändring av rörelsekapital | 2023 | −2 800 137 | −2 801 137 | −1 000 |
| Kassaflöde från den löpande verksamheten | 2023 | −2 867 172 | −2 868 172 | −1 000 |
| Årets kassaflöde | 2023 | −2 990 789 | −2 991 789 | −1 000 |

**Nyckeltal**

{_HEAD}
| Eget kapital ÷ årets medlemsavgifter | 2023 | 13,98 % | 13,97 % | −0,01 procentenheter |
| Eget kapital över taket (negativt: under taket) | 2023 | −194 745 | −195 745 | −1 000 |
| Soliditet (summa eget kapital ÷ summa tillgångar) | 2023 | 42,36 % | 42,35 % | −0,02 procentenheter |

**Översikt över verksamhetens utveckling**

{_HEAD}
| Årets resultat {_RESULT}
| Eget kapital | 2023 | 2 668 035 | 2 667 035 | −1 000 |
| Soliditet | 2023 | 42,36 % | 42,35 % | −0,02 procentenheter |

**Balanskravsresultat**

{_HEAD}
| Årets resultat enligt resultaträkningen {_RESULT}
| Årets resultat efter balanskravsjusteringar {_RESULT}
| Årets balanskravsresultat {_RESULT}
| Del av årets underskott som inte återställs enligt styrelsens beslut (synnerliga skäl) {_RESULT}
| Återställs inte enligt styrelsens beslut (summa) {_RESULT}
| Underskott (summa) {_RESULT}

**Underskott att återställa**

{_HEAD}
| Årets underskott 2023, återställs inte enligt styrelsens beslut {_RESULT}
| Årets underskott 2023, underskott {_RESULT}

</details>

#### Nya fynd

- `data/halland/2023.yaml:101:1` fel: balansräkningen 2023 balanserar inte: summa tillgångar 6 297 833, summa \
eget kapital, avsättningar och skulder 6 296 833, skillnad 1 000; rätta balansräkningens rader så att de stämmer med \
bokföringen \\[E-BALANS\\]
- `data/halland/2023.yaml:101:1` fel: kassaflödesanalysen 2023 går inte ihop: likvida medel vid årets början \
8 528 237 + årets kassaflöde -2 991 789 = 5 536 448, men likvida medel vid årets slut är 5 537 448 (skillnad \
-1 000); kontrollera investeringar och balansräkningens rader för båda åren \\[E-KASSAFLODE\\]
- `data/halland/2023.yaml:131:1` fel: driftredovisningen 2023 summerar till netto -2 812 499, men årets resultat \
är -2 813 499 (skillnad 1 000); varje krona i resultaträkningen hör till en verksamhet \\[E-DRIFT\\]
"""


def test_one_row_of_a_note_lists_what_moved_and_nothing_else(tmp_path):
    repo = _repo(tmp_path)
    _edit(repo, "halland/2023.yaml", *BANKAVGIFTER)
    result = run_cli("diff", "--forbund", "halland", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ONE_ROW_TEXT
    result = run_cli("diff", "--forbund", "halland", "--format", "markdown", "--utan-sidor", cwd=repo)
    assert result.returncode == 0, result.stderr
    # Amounts keep their non-breaking spaces in the comment, so no number wraps in a cell.
    assert f"| −22{NBSP}437 | −23{NBSP}437 | −1{NBSP}000 |" in result.stdout
    assert result.stdout.replace(NBSP, " ") == ONE_ROW_MARKDOWN
    # The working tree is left as it was.
    assert BANKAVGIFTER[1] in (repo / "data" / "halland" / "2023.yaml").read_text(encoding="utf-8")


def test_a_small_change_is_not_folded(tmp_path):
    repo = _repo(tmp_path)
    _edit(repo, "halland/2023.yaml", "{text: Skattekonto, belopp: 44151}", "{text: Skattekonto, belopp: 45151}")
    _edit(repo, "halland/2023.yaml", "belopp: 163889}", "belopp: 162889}")
    result = run_cli("diff", "--forbund", "halland", "--format", "markdown", "--utan-sidor", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert result.stdout.replace(NBSP, " ").split("\n")[-9:] == [
        "#### Belopp som har ändrats", "",
        "**Not 8 Fordringar**", "",
        "| Rad | År | Före | Efter | Skillnad |", "|:--|:--|--:|--:|--:|",
        "| Skattekonto | 2023 | 44 151 | 45 151 | +1 000 |",
        "| Momsersättning okt–dec | 2023 | 163 889 | 162 889 | −1 000 |", ""]
    assert "<details>" not in result.stdout
    assert "2 rader i indata har ändrats; 2 belopp har ändrats.\n" in result.stdout


@pytest.mark.slow
def test_from_and_to_compare_two_commits_not_the_working_tree(tmp_path):
    repo = _repo(tmp_path)
    _edit(repo, "sydnarke/2023.yaml", "finansiella_kostnader: -1655", "finansiella_kostnader: -1755")
    subprocess.run(["git", *COMMIT, "more"], cwd=repo, check=True)
    # An uncommitted change the comparison of two commits must not see.
    _edit(repo, "sydnarke/2023.yaml", "finansiella_kostnader: -1755", "finansiella_kostnader: -9999")
    result = run_cli("diff", "--from", "HEAD~1", "--to", "HEAD", "--forbund", "sydnarke", cwd=repo)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Samordningsförbundet Sydnärke 2023 (sydnarke): HEAD~1 → HEAD"
    assert "    Finansiella kostnader 2023: −1 655 → −1 755 (−100)" in lines
    assert "    Årets resultat 2023: 308 788 → 308 688 (−100)" in lines
    assert not any("9 999" in line for line in lines)
    # --base is the old name of --from: `make diff BASE=main` still works.
    result = run_cli("diff", "--base", "HEAD", "--forbund", "sydnarke", cwd=repo)
    assert "    Finansiella kostnader 2023: −1 755 → −9 999 (−8 244)" in result.stdout.splitlines()


@pytest.mark.slow
def test_findings_that_appear_and_disappear(tmp_path):
    repo = _repo(tmp_path)
    _edit(repo, "halland/2023.yaml", *BANKAVGIFTER)
    subprocess.run(["git", *COMMIT, "broken"], cwd=repo, check=True)
    _edit(repo, "halland/2023.yaml", BANKAVGIFTER[1], BANKAVGIFTER[0])
    result = run_cli("diff", "--forbund", "halland", cwd=repo)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1] == "1 rad i indata har ändrats; 26 belopp har ändrats; 3 fynd har försvunnit."
    gone = lines[lines.index("Fynd som har försvunnit") + 1:]
    assert [line.split(": fel: ")[0] for line in gone] == ["  data/halland/2023.yaml:101:1"] * 2 + [
        "  data/halland/2023.yaml:131:1"]
    assert gone[0].endswith("[E-BALANS]") and "Nya fynd" not in lines


def test_diff_without_changes_says_so(tmp_path):
    repo = _repo(tmp_path)
    result = run_cli("diff", "--forbund", "halland", cwd=repo)
    assert result.stdout == "Samordningsförbundet Halland 2023 (halland): HEAD → arbetskopian\nInget har ändrats.\n"


def test_unknown_revision_is_a_clear_error(tmp_path):
    repo = _repo(tmp_path)
    result = run_cli("diff", "--from", "no-such-branch", cwd=repo)
    assert result.returncode == 2
    assert ("data: fel: kan inte läsa data vid no-such-branch: fatal: not a valid object name: no-such-branch "
            "[E-GIT]") in result.stderr
    assert "Traceback" not in result.stderr


def test_data_that_cannot_be_read_is_reported_not_compared(tmp_path):
    repo = _repo(tmp_path)
    path = repo / "data" / "halland" / "forbund.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("namn: Samordningsförbundet Halland\n", "namn:\n"),
                    encoding="utf-8")
    result = run_cli("diff", "--forbund", "halland", cwd=repo)
    assert result.returncode == 2
    assert "data/halland/forbund.yaml:4:1: fel: namn saknar värde" in result.stderr
    assert result.stdout.strip() == ""


def test_user_text_cannot_make_markdown_or_html():
    assert md_text("<b>Kostnader</b> | *alla* [x](y)") == r"\<b\>Kostnader\</b\> \| \*alla\* \[x\](y)"
    assert md_code("main") == "`main`"
    assert md_code("a`b") == "``a`b``"


def test_pages_are_named_in_swedish():
    assert compare_pages(["a", "b"], ["a", "b"]).sentence() == "inga sidor har ändrats"
    assert compare_pages(["a", "b"], ["a", "c"]).sentence() == "sidan 2 har ändrats"
    before = [str(n) for n in range(12)]
    after = [*before[:3], "x", *before[4:10], "y", "z"]
    assert compare_pages(before, after).sentence() == "sidorna 4, 11 och 12 har ändrats"
    assert compare_pages(["a"], ["a", "b"]).sentence() == "sidan 2 har ändrats (rapporten har nu 2 sidor, förut 1)"


@pytest.mark.slow
def test_pages_that_changed_are_named_by_default_in_the_comment(tmp_path):
    repo = _repo(tmp_path)
    _edit(repo, "halland/2023.yaml", *BANKAVGIFTER)
    result = run_cli("diff", "--forbund", "halland", "--format", "markdown", cwd=repo)
    assert result.returncode == 0, result.stderr
    summary = result.stdout.splitlines()[2]
    assert summary.startswith("1 rad i indata har ändrats; 26 belopp har ändrats; 3 nya fynd; sidorna 2, ")
    # Not 6 and the statements moved; the pages of the board and the auditors did not.
    assert summary.endswith(" och 15 har ändrats.")


def _make(cwd, *assignments):
    """The real Makefile's diff target with this Python (STAMP= skips setting up .venv)."""
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    return subprocess.run(["make", "--no-print-directory", "-f", str(ROOT / "Makefile"), "diff", *assignments,
                           "STAMP=", f"PY={sys.executable}"], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300)


@pytest.mark.slow
def test_make_diff_passes_from_to_and_format(tmp_path):
    repo = _repo(tmp_path)
    _edit(repo, "halland/2023.yaml", *BANKAVGIFTER)
    subprocess.run(["git", *COMMIT, "more"], cwd=repo, check=True)
    # FORMAT=markdown would print both sides' PDFs (pages): the plain format keeps the test quick.
    result = _make(repo, "FROM=HEAD~1", "TO=HEAD", "FORMAT=text", "FORBUND=halland")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Samordningsförbundet Halland 2023 (halland): HEAD~1 → HEAD\n1 rad i indata ")


@pytest.mark.slow
@pytest.mark.parametrize("variable", ["FROM", "TO", "FORMAT"])
def test_make_runs_no_command_hidden_in_from_to_or_format(tmp_path, variable):
    repo = _repo(tmp_path)
    marker = tmp_path / "marker"
    result = _make(repo, f"{variable}=HEAD' ; touch {marker} ; echo '")
    assert not marker.exists(), result.stdout + result.stderr
    assert result.returncode == 2  # refused by the CLI, so the value reached it as one word
