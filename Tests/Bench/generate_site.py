#!/usr/bin/env python3
"""Writes a synthetic site of N pages, deterministic for a seed, three ways:

  OUT/etude/    an Étude project (content/, data/figures.yaml with references on a share
                of the pages, a few charts)
  OUT/hugo/     the same Markdown as a Hugo site (one template per page, one list page per
                section, no theme, RSS, taxonomies and sitemap off); references are
                replaced by the text Étude would print, charts stay fenced code
  OUT/bodies.md every page's Markdown body, concatenated (the floor: one cmark-gfm pass)

Usage: generate_site.py OUT N [SEED]. Pages are about 4 KB, in 10 sections, with
headings, a list, a GFM table and links to other pages. Same N and seed, same bytes.
"""
import os
import random
import sys

SECTIONS = 10
WORDS = ("innovation territoriale collectivité agents service public usagers projet "
         "pilotage démarche équipe mise œuvre organisation management évaluation "
         "partenaires réseau numérique données habitants commune région département "
         "formation ressources humaines qualité processus stratégie action sociale "
         "santé culture mobilité énergie environnement budget marché achat citoyen "
         "participation design expérimentation laboratoire outil méthode résultat").split()


def sentence(rng, low=8, high=18):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def paragraph(rng, sentences):
    return " ".join(sentence(rng) for _ in range(sentences))


def page_path(index):
    """Section folder and file name (without .md) of page `index`, from 0."""
    return "s%02d" % (index % SECTIONS), "p%05d" % index


def figure_count(n):
    return max(10, n // 20)


def figures_yaml(n):
    lines = ["# Synthetic figures for the scale benchmark (generated).", "sources:",
             "  enquete:", "    title: \"Enquête synthétique\"", "figures:",
             "  people: { label: Personnes interrogées, value: 5000, unit: respondents, kind: count, source: enquete }"]
    for f in range(figure_count(n)):
        yes = 20 + (f * 7) % 60
        lines += ["  f%04d:" % f, "    label: Question synthétique %d" % f, "    kind: split",
                  "    unit: percent", "    base: people", "    source: enquete", "    parts:",
                  "      oui: { label: Oui, value: %d }" % yes,
                  "      non: { label: Non, value: %d }" % (100 - yes)]
    return "\n".join(lines) + "\n"


def figure_text(n, f, part):
    yes = 20 + (f * 7) % 60
    return "%d %%" % (yes if part == "oui" else 100 - yes)


def body(rng, n, index):
    """The page's Markdown twice: for Étude (references) and for Hugo (their text)."""
    section, _ = page_path(index)
    etude, hugo = [], []

    def both(text, plain=None):
        etude.append(text)
        hugo.append(text if plain is None else plain)

    both(paragraph(rng, 4))
    if index % 5 == 0:  # a share of the pages cite figures
        f = rng.randrange(figure_count(n))
        both("La part de oui est de {{ f%04d.oui }} et celle de non de {{ f%04d.non }}." % (f, f),
             "La part de oui est de %s et celle de non de %s." % (figure_text(n, f, "oui"), figure_text(n, f, "non")))
    if index % 100 == 7:  # and a few draw a chart
        f = rng.randrange(figure_count(n))
        both("```chart\nfigure: f%04d\ntitle: Réponses à la question %d\n```" % (f, f))
    for h in range(3):
        both("## " + sentence(rng, 3, 6).rstrip("."))
        both(paragraph(rng, 5))
    both("\n".join("- " + sentence(rng, 4, 10) for _ in range(5)))
    rows = ["| Élément | Valeur | Commentaire |", "|---|--:|---|"]
    rows += ["| %s | %d | %s |" % (rng.choice(WORDS), rng.randint(1, 999), sentence(rng, 3, 6)) for _ in range(5)]
    both("\n".join(rows))
    links = []
    for _ in range(3):
        other = rng.randrange(n)
        s, name = page_path(other)
        target = ("%s.html" % name) if s == section else ("../%s/%s.html" % (s, name))
        links.append("[%s](%s)" % ("la page %d" % other, target))
    both("Voir aussi " + ", ".join(links) + ", et [la rubrique](index.html).")
    both(paragraph(rng, 3))
    return "\n\n".join(etude) + "\n", "\n\n".join(hugo) + "\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


HUGO_CONFIG = """baseURL = "https://example.org/synthetique/"
title = "Site synthétique"
uglyURLs = true
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = true
[minify]
minifyOutput = false
"""

HUGO_SINGLE = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>
"""

HUGO_LIST = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
</main></body></html>
"""


def generate(out, n, seed):
    rng = random.Random(seed)
    etude, hugo = os.path.join(out, "etude"), os.path.join(out, "hugo")
    write(os.path.join(etude, "data/site.yaml"),
          "title: Site synthétique\ndescription: Un site d’essai de grande taille.\n"
          "base_url: https://example.org/synthetique/\npublisher: Les tests\n")
    write(os.path.join(etude, "data/figures.yaml"), figures_yaml(n))
    write(os.path.join(hugo, "config.toml"), HUGO_CONFIG)
    write(os.path.join(hugo, "layouts/_default/single.html"), HUGO_SINGLE)
    write(os.path.join(hugo, "layouts/_default/list.html"), HUGO_LIST)
    home = "Accueil du site synthétique, en dix rubriques.\n"
    write(os.path.join(etude, "content/index.md"), "---\ntitle: Accueil\norder: 0\n---\n\n" + home)
    write(os.path.join(hugo, "content/_index.md"), "---\ntitle: Accueil\n---\n\n" + home)
    for s in range(SECTIONS):
        name = "s%02d" % s
        text = "Les pages de la rubrique %d.\n" % s
        write(os.path.join(etude, "content", name, "index.md"),
              "---\ntitle: Rubrique %d\norder: %d\n---\n\n%s\n```pages\n```\n" % (s, s + 1, text))
        write(os.path.join(hugo, "content", name, "_index.md"), "---\ntitle: Rubrique %d\n---\n\n%s" % (s, text))
    bodies = []
    for index in range(n):
        section, name = page_path(index)
        title = "Page %d : %s" % (index, sentence(rng, 3, 6).rstrip("."))
        front = "---\ntitle: \"%s\"\norder: %d\n---\n\n" % (title, index)
        etude_body, hugo_body = body(rng, n, index)
        write(os.path.join(etude, "content", section, name + ".md"), front + etude_body)
        write(os.path.join(hugo, "content", section, name + ".md"), "---\ntitle: \"%s\"\nweight: %d\n---\n\n" % (title, index + 1) + hugo_body)
        bodies.append(hugo_body)
    write(os.path.join(out, "bodies.md"), "\n".join(bodies))


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: generate_site.py OUT N [SEED]")
    generate(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) == 4 else 20261127)
