/// The change of each share between two consecutive waves, in points, declared as an
/// ordinary difference (the statistics stage tests it with the two-proportion test for
/// independent samples): `K.2026-vs-2025.answer`. A share withheld in either wave gives
/// « effectif insuffisant » instead.
struct WaveChanges {
    let survey: SurveyDeclaration

    func add(to output: inout AnswersOutput) {
        let names = survey.waves.compactMap(\.name)
        guard names.count > 1 else { return }
        for (before, after) in zip(names, names.dropFirst()) {
            for figure in survey.figures where figure.kind != .numeric {
                for answer in figure.answers {
                    let key = "\(figure.key).\(after)-vs-\(before).\(answer.key)"
                    let new = "\(figure.key).\(after).\(answer.key)", old = "\(figure.key).\(before).\(answer.key)"
                    let label = "Évolution de « \(answer.label) » (\(figure.label)) entre \(before) et \(after)"
                    if output.dataset.figures[new]?.suppressed ?? true || output.dataset.figures[old]?.suppressed ?? true {
                        for suffix in ["", ".margin", ".significance"] {
                            output.computed.append(DerivedValue(key: key + suffix, label: label, value: 0, decimals: 0, unit: .text,
                                                                text: AnswerFigureBuilder.withheld, ownerKey: "\(figure.key).\(after)",
                                                                method: "non calculée : la base d’une des deux vagues est sous le seuil du secret statistique"))
                        }
                        continue
                    }
                    output.dataset.differences.append(DifferenceDeclaration(
                        key: key, label: label, of: (new, old), file: SurveyDeclaration.file, location: answer.location, ofLocation: answer.location))
                }
            }
        }
    }
}
