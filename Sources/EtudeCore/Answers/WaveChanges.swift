/// The change of each share between two consecutive waves, in points, declared as an
/// ordinary difference (the statistics stage tests it with the two-proportion test for
/// independent samples): `K.2026-vs-2025.answer`, and per segment
/// `K.2026-vs-2025.by-D.segment.answer`. A share withheld in either wave gives the
/// withheld text (`statistics.withheld`, « effectif insuffisant ») instead.
struct WaveChanges {
    let survey: SurveyDeclaration

    func add(to output: inout AnswersOutput) {
        let names = survey.waves.compactMap(\.name)
        guard names.count > 1 else { return }
        for (before, after) in zip(names, names.dropFirst()) {
            for figure in survey.figures where figure.kind != .numeric {
                // The whole population, then each segment of each dimension it is broken down by.
                var populations: [(path: String, label: String)] = [("", "")]
                for dimension in figure.by.compactMap({ survey.dimensions[$0] }) {
                    populations += dimension.segments.map { (".by-\(dimension.key).\($0.key)", " — \($0.label)") }
                }
                for population in populations {
                    for answer in figure.answers {
                        change(of: answer, in: figure, population: population, from: before, to: after, output: &output)
                    }
                }
            }
        }
    }

    private func change(of answer: AnswerOption, in figure: AnswerFigure, population: (path: String, label: String),
                        from before: String, to after: String, output: inout AnswersOutput) {
        let key = "\(figure.key).\(after)-vs-\(before)\(population.path).\(answer.key)"
        let new = "\(figure.key).\(after)\(population.path).\(answer.key)", old = "\(figure.key).\(before)\(population.path).\(answer.key)"
        let words = output.dataset.language.messages
        let label = words(StatisticsMessage.waveChangeLabel, ["answer": answer.label, "label": figure.label + population.label, "before": before, "after": after])
        guard output.dataset.figures[new]?.suppressed == false, output.dataset.figures[old]?.suppressed == false else {
            for suffix in ["", ".margin", ".significance"] {
                output.computed.append(DerivedValue(key: key + suffix, label: label, value: 0, decimals: 0, unit: .text,
                                                    text: words(StatisticsMessage.withheld), ownerKey: "\(figure.key).\(after)\(population.path)",
                                                    method: words(StatisticsMessage.waveChangeWithheldMethod)))
            }
            return
        }
        output.dataset.differences.append(DifferenceDeclaration(
            key: key, label: label, of: (new, old), file: SurveyDeclaration.file, location: answer.location, ofLocation: answer.location))
    }
}
