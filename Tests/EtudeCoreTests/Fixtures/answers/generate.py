#!/usr/bin/env python3
"""Writes the fictitious answers of the test survey (two waves) and what the tests expect.

Deterministic (fixed seed), never real data. Run from this folder: python3 generate.py
The expected figures are computed here, independently of Étude's code, with plain loops.
2025: comma-separated, no BOM, CRLF. 2026: semicolon-separated, with a UTF-8 BOM, LF.
Both hold a free-text column with commas, quotes and line breaks, and respondent ids:
neither may ever reach a page or the export.
"""
import csv, io, json, math, random

SCALE = ["Très satisfait", "Plutôt satisfait", "Peu satisfait", "Pas du tout satisfait"]
SCALE_KEYS = ["tres", "plutot", "peu", "pas"]
STRUCTURES = [("communes", "Commune"), ("departements", "Département"), ("regions", "Région")]
FREINS = [("budget", "frein_budget"), ("temps", "frein_temps"), ("outils", "frein_outils")]
TOOLS = [("tableur", "Tableur"), ("sig", "SIG"), ("enquete", "Logiciel d’enquête")]
CANALS = [("web", "canal_web", "Site web"), ("tel", "canal_tel", "Téléphone")]
HEADER = ["id", "statut", "structure", "poids", "satisfaction", "frein_budget", "frein_temps", "frein_outils",
          "outils", "canal_web", "canal_tel", "agents", "commentaire"]


def respondents(wave, seed):
    rng = random.Random(seed)
    rows = []
    n = 240 if wave == "2025" else 260
    for i in range(n):
        structure = "Région" if i % 24 == 5 else ("Département" if rng.random() < 0.35 else "Commune")
        tilt = 0.15 if wave == "2026" else 0.0
        r = rng.random()
        satisfaction = "" if rng.random() < 0.06 else SCALE[0 if r < 0.2 + tilt else 1 if r < 0.6 + tilt / 2 else 2 if r < 0.85 else 3]
        freins = [""] * 3 if rng.random() < 0.05 else [str(int(rng.random() < p)) for p in (0.5, 0.35 + tilt, 0.2)]
        tools = [t[1] for t in TOOLS if rng.random() < 0.4]
        canals = [c[2] if rng.random() < 0.5 else "" for c in CANALS]
        agents = "" if rng.random() < 0.1 else str(rng.choice([1, 2, 2, 3, 5, 8, 12, 20, 35]))
        comment = rng.choice(["", "Très bien, merci", "Trop long; \"vraiment\"", "Deux lignes\nà la suite", "Mon secret n°%d" % i])
        rows.append({
            "id": "RESP-%s-%04d" % (wave, i), "statut": "Complète" if rng.random() < 0.8 else "Partielle",
            "structure": structure, "poids": "%.2f" % rng.choice([0.5, 0.8, 1.0, 1.0, 1.25, 2.0]),
            "satisfaction": satisfaction, "frein_budget": freins[0], "frein_temps": freins[1], "frein_outils": freins[2],
            "outils": "|".join(tools) if tools or rng.random() < 0.5 else "", "canal_web": canals[0], "canal_tel": canals[1],
            "agents": agents, "commentaire": comment})
    return rows


def write(rows, path, delimiter, bom, terminator):
    out = io.StringIO()
    writer = csv.DictWriter(out, HEADER, delimiter=delimiter, lineterminator=terminator)
    writer.writeheader()
    writer.writerows(rows)
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        f.write(out.getvalue())


def share_group(rows, chosen, answered):
    """Weighted shares of the rows that answered, with the counts and Kish's n_eff."""
    base = [r for r in rows if answered(r)]
    w = sum(float(r["poids"]) for r in base)
    w2 = sum(float(r["poids"]) ** 2 for r in base)
    return {"n": len(base), "neff": w * w / w2 if w2 else 0, "nonresponse": len(rows) - len(base),
            "shares": {k: (100 * sum(float(r["poids"]) for r in base if pick(r)) / w if w else 0) for k, pick in chosen.items()},
            "counts": {k: sum(1 for r in base if pick(r)) for k, pick in chosen.items()}}


def numeric(rows):
    base = [(float(r["agents"]), float(r["poids"])) for r in rows if r["agents"]]
    w = sum(p for _, p in base)
    mean = sum(x * p for x, p in base) / w
    ordered = sorted(base)
    cum, median = 0, None
    for i, (x, p) in enumerate(ordered):
        cum += p
        if abs(cum / w - 0.5) < 1e-12:
            median = (x + next(y for y, _ in ordered[i + 1:] if y != x)) / 2 if any(y != x for y, _ in ordered[i + 1:]) else x
            break
        if cum / w > 0.5:
            median = x
            break
    return {"n": len(base), "mean": mean, "median": median, "nonresponse": len(rows) - len(base)}


def figures(rows):
    result = {}
    def scale(rs):
        return share_group(rs, {k: (lambda r, a=a: r["satisfaction"] == a) for k, a in zip(SCALE_KEYS, SCALE)}, lambda r: r["satisfaction"] != "")
    result["satisfaction"] = scale(rows)
    result["satisfaction-completes"] = scale([r for r in rows if r["statut"] == "Complète"])
    freins = lambda rs: share_group(rs, {k: (lambda r, c=c: r[c] == "1") for k, c in FREINS}, lambda r: any(r[c] != "" for _, c in FREINS))
    result["obstacles"] = freins(rows)
    for key, label in STRUCTURES:
        result["obstacles.by-structure." + key] = freins([r for r in rows if r["structure"] == label])
    result["outils"] = share_group(rows, {k: (lambda r, a=a: a in r["outils"].split("|")) for k, a in TOOLS}, lambda r: r["outils"] != "")
    result["canaux"] = share_group(rows, {k: (lambda r, c=c: r[c] != "") for k, c, a in CANALS}, lambda r: any(r[c] != "" for _, c, _ in CANALS))
    result["agents"] = numeric(rows)
    return result


if __name__ == "__main__":
    waves = {"2025": respondents("2025", 2025), "2026": respondents("2026", 2026)}
    write(waves["2025"], "project/data/exports/reponses-2025.csv", ",", False, "\r\n")
    write(waves["2026"], "project/data/exports/reponses-2026.csv", ";", True, "\n")
    with open("expected.json", "w", encoding="utf-8") as f:
        json.dump({wave: figures(rows) for wave, rows in waves.items()}, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write("\n")
