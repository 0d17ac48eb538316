#!/usr/bin/env python3
"""Generates a benchmark project for figures from raw answers: a fictitious export of
100 000 respondents × 60 columns (about 45 MB, fixed seed, never real data) and a
data/answers.yaml declaring a few hundred figures over it.

Usage: generate_answers.py OUTPUT_FOLDER [ROWS]
"""
import os, random, sys

SCALE = ["Tout à fait", "Plutôt oui", "Plutôt non", "Pas du tout", "NSP"]
STRUCTURES = ["Commune", "Intercommunalité", "Département", "Région", "État"]
TOOLS = ["Tableur", "SIG", "Enquête", "Tableau de bord", "Autre"]
QUESTIONS, MULTIPLES, NUMBERS = 30, 15, 8


def header():
    return (["id", "statut", "structure", "poids", "age"] + ["q%02d" % i for i in range(1, QUESTIONS + 1)]
            + ["m%02d" % i for i in range(1, MULTIPLES + 1)] + ["outils"] + ["n%02d" % i for i in range(1, NUMBERS + 1)]
            + ["commentaire"])


def row(rng, i):
    cells = ["R%06d" % i, "Complète" if rng.random() < 0.8 else "Partielle", rng.choice(STRUCTURES),
             rng.choice(["0.5", "0.8", "1", "1", "1.25", "2"]), rng.choice(["-30", "30-50", "50+"])]
    cells += ["" if rng.random() < 0.05 else rng.choice(SCALE) for _ in range(QUESTIONS)]
    cells += ["1" if rng.random() < 0.4 else "0" for _ in range(MULTIPLES)]
    cells.append("|".join(t for t in TOOLS if rng.random() < 0.3))
    cells += ["" if rng.random() < 0.1 else str(rng.randint(0, 200)) for _ in range(NUMBERS)]
    comment = rng.choice(["", "RAS", "Bien, merci", "\"Trop long\", vraiment", "Deux lignes\nde commentaire"])
    cells.append('"' + comment.replace('"', '""') + '"' if any(c in comment for c in ',"\n') else comment)
    return ",".join(cells)


def answers_yaml():
    scale = "\n".join("      a%d: %s" % (i + 1, label) for i, label in enumerate(SCALE))
    lines = ["survey:", "  source: bench", "  file: exports/reponses.csv", "  weight: poids", "dimensions:",
             "  structure:", "    column: structure", "    segments:"]
    lines += ["      s%d: %s" % (i + 1, label) for i, label in enumerate(STRUCTURES)]
    lines += ["  age:", "    column: age", "    segments:", "      jeunes: \"-30\"", "      milieu: 30-50", "      aines: 50+", "figures:"]
    for q in range(1, QUESTIONS + 1):
        for suffix, extra in [("", "    by: [structure, age]"), ("-completes", "    where: { statut: Complète }"),
                              ("-communes", "    where: { structure: Commune }")]:
            lines += ["  q%02d%s:" % (q, suffix), "    label: Question %d%s" % (q, suffix), "    kind: split",
                      "    column: q%02d" % q, extra, "    answers:", scale]
    for m in range(1, MULTIPLES + 1):
        for suffix, extra in [("", "    by: structure"), ("-completes", "    where: { statut: Complète }")]:
            lines += ["  m%02d%s:" % (m, suffix), "    label: Choix %d%s" % (m, suffix), "    kind: multiple", extra, "    columns:",
                      "      oui: { label: Oui, column: m%02d }" % m]
    lines += ["  outils:", "    label: Outils", "    kind: multiple", "    column: outils", "    separator: \"|\"", "    by: structure", "    answers:"]
    lines += ["      t%d: %s" % (i + 1, label) for i, label in enumerate(TOOLS)]
    for n in range(1, NUMBERS + 1):
        lines += ["  n%02d:" % n, "    label: Nombre %d" % n, "    kind: numeric", "    column: n%02d" % n, "    by: structure"]
    return "\n".join(lines) + "\n"


def main():
    folder = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    os.makedirs(os.path.join(folder, "data/exports"), exist_ok=True)
    os.makedirs(os.path.join(folder, "content"), exist_ok=True)
    rng = random.Random(20260101)
    with open(os.path.join(folder, "data/exports/reponses.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(",".join(header()) + "\r\n")
        for i in range(rows):
            f.write(row(rng, i) + "\r\n")
    with open(os.path.join(folder, "data/answers.yaml"), "w", encoding="utf-8") as f:
        f.write(answers_yaml())
    with open(os.path.join(folder, "data/figures.yaml"), "w", encoding="utf-8") as f:
        f.write("sources:\n  bench:\n    title: Export fictif de banc d’essai\n")
    with open(os.path.join(folder, "data/site.yaml"), "w", encoding="utf-8") as f:
        f.write("title: Banc d’essai\nbase_url: https://example.org/banc/\n")
    with open(os.path.join(folder, "content/index.md"), "w", encoding="utf-8") as f:
        f.write("---\ntitle: Banc d’essai\n---\n# Banc d’essai\n\n{{ q01.a1 }} ({{ q01.a1 | margin }}), {{ q01.by-structure.s1.a1 }} ; {{ n01.mean }}.\n\n"
                "```chart\nfigure: q01\ntitle: Question 1\n```\n\n```sources\n```\n")


if __name__ == "__main__":
    main()
