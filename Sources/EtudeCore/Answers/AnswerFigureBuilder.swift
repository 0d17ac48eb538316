/// Turns the tallies of one wave into ordinary figures, groups and computed values, so
/// that references, charts, margins and the export treat them as any figure of data/.
struct AnswerFigureBuilder {
    let survey: SurveyDeclaration
    var output: AnswersOutput

    static let withheld = "effectif insuffisant"
    var weighted: Bool { survey.weight != nil }

    /// `K` for a survey of one export, `K.2026` for a wave.
    static func prefix(_ figure: AnswerFigure, _ wave: String?) -> String {
        wave.map { "\(figure.key).\($0)" } ?? figure.key
    }

    mutating func add(_ figure: AnswerFigure, wave: String?, tallies: [AnswerTally]) throws {
        let prefix = Self.prefix(figure, wave)
        let inWave = wave.map { " (\($0))" } ?? ""
        try publish(figure, key: prefix, label: figure.label + inWave, tally: tallies[0])
        var slot = 1
        for dimension in figure.by.compactMap({ survey.dimensions[$0] }) {
            let crossKey = "\(prefix).by-\(dimension.key)"
            let segments = Array(tallies[slot..<(slot + dimension.segments.count)])
            for (segment, tally) in zip(dimension.segments, segments) {
                try publish(figure, key: "\(crossKey).\(segment.key)", label: "\(figure.label)\(inWave) — \(segment.label)", tally: tally)
            }
            if figure.kind != .numeric { independence(figure, key: crossKey, dimension: dimension, segments: segments, inWave: inWave) }
            slot += dimension.segments.count
        }
    }

    /// One population's figures: a group of shares, or a mean and a median.
    private mutating func publish(_ figure: AnswerFigure, key: String, label: String, tally: AnswerTally) throws {
        let suppressed = tally.answered < max(1, survey.secrecy)
        if suppressed {
            output.notices.append(.warning(file: SurveyDeclaration.file, at: figure.location,
                "'\(key)' is not published: its base is \(tally.answered) respondent\(tally.answered == 1 ? "" : "s"), under the secrecy threshold of \(survey.secrecy) (« \(Self.withheld) »)"))
        }
        let owner = figure.kind == .numeric ? "\(key).mean" : key
        output.computed.append(DerivedValue(key: "\(key).non-response", label: "Non-réponses à « \(label) »", value: Double(tally.nonResponse), decimals: 0,
                                            unit: .count, text: nil, ownerKey: owner, method: "répondants de la population qui n’ont pas répondu à la question, exclus de la base"))
        if figure.kind == .numeric { return try publishNumeric(figure, key: key, label: label, tally: tally, suppressed: suppressed) }
        let shares = tally.answered == 0 ? tally.weighted.map { _ in 0.0 }
            : (weighted ? tally.weighted.map { $0 / tally.weightSum * 100 } : tally.counts.map { Double($0) / Double(tally.answered) * 100 })
        let written = figure.kind == .split && !suppressed ? LargestRemainder.round(shares, total: 100) : nil
        let parts = figure.answers.enumerated().map { index, answer in
            var part = Figure(key: "\(key).\(answer.key)", label: answer.label, value: suppressed ? 0 : shares[index], decimals: 0, fraction: nil,
                              unit: .percent, kind: .share, bound: nil, base: .number(Double(tally.answered)), sourceID: survey.sourceID,
                              assumption: figure.assumption, computedFrom: nil, group: key, file: SurveyDeclaration.file, location: answer.location)
            part.count = suppressed || weighted ? nil : Double(tally.counts[index])
            part.writtenValue = written?[index]
            part.effectiveBase = weighted && !suppressed ? tally.effectiveBase : nil
            part.suppressed = suppressed
            part.baseLocation = figure.location
            return part
        }
        var group = FigureGroup(key: key, label: label, kind: figure.kind == .split ? .split : .multiple, unit: .percent, partKeys: parts.map(\.key),
                                base: .number(Double(tally.answered)), sourceID: survey.sourceID, assumption: figure.assumption,
                                file: SurveyDeclaration.file, location: figure.location)
        group.severalAnswers = figure.severalAnswers
        try output.add(group, parts: parts)
    }

    private mutating func publishNumeric(_ figure: AnswerFigure, key: String, label: String, tally: AnswerTally, suppressed: Bool) throws {
        let summary = suppressed ? nil : NumericSummary(tally)
        let values: [(String, String, Double?, Double?, Double?)] = [
            ("mean", "Moyenne de « \(label) »", summary?.mean, summary?.meanLow, summary?.meanHigh),
            ("median", "Médiane de « \(label) »", summary?.median, summary?.medianLow, summary?.medianHigh),
        ]
        for (suffix, title, value, low, high) in values {
            var number = Figure(key: "\(key).\(suffix)", label: title, value: value ?? 0, decimals: 1, fraction: nil, unit: .count, kind: .count,
                                bound: nil, base: nil, sourceID: survey.sourceID, assumption: figure.assumption, computedFrom: nil, group: nil,
                                file: SurveyDeclaration.file, location: figure.location)
            number.suppressed = suppressed
            try output.add(number)
            let method = suffix == "mean"
                ? "moyenne ± 1,96 × écart-type / √n" + (weighted ? " (n effectif de Kish, réponses pondérées)" : "")
                : "quantiles ½ ∓ 1,96 × ½ / √n de la distribution (approximation normale des rangs)" + (weighted ? ", n effectif de Kish" : "")
            for (bound, word, number) in [("low", "basse", low), ("high", "haute", high)] {
                output.computed.append(DerivedValue(
                    key: "\(key).\(suffix).\(bound)", label: "Borne \(word) de l’intervalle à 95 % de la \(suffix == "mean" ? "moyenne" : "médiane") de « \(label) »",
                    value: number ?? 0, decimals: 1, unit: number == nil ? .text : .count, text: number == nil ? Self.withheld : nil,
                    ownerKey: "\(key).\(suffix)", method: "intervalle à 95 % : " + method))
            }
        }
        output.computed.append(DerivedValue(key: "\(key).base", label: "Répondants à « \(label) »", value: Double(tally.answered), decimals: 0,
                                            unit: .count, text: nil, ownerKey: "\(key).mean", method: "répondants ayant donné un nombre"))
    }

    /// The chi-square test of independence between the answers and the segments, on the
    /// respondents' (unweighted) counts; for a multiple question, one test per answer.
    private mutating func independence(_ figure: AnswerFigure, key: String, dimension: Dimension, segments: [AnswerTally], inWave: String) {
        var tests: [(key: String, label: String, table: [[Double]])] = []
        if figure.kind == .split {
            tests.append(("\(key).test", "« \(figure.label)\(inWave) » selon « \(dimension.key) »", segments.map { $0.counts.map(Double.init) }))
        } else {
            for (index, answer) in figure.answers.enumerated() {
                tests.append(("\(key).test.\(answer.key)", "« \(figure.label)\(inWave) : \(answer.label) » selon « \(dimension.key) »",
                              segments.map { [Double($0.counts[index]), Double($0.answered - $0.counts[index])] }))
            }
        }
        for test in tests {
            guard let result = ChiSquareTest(test.table) else { continue }
            let F = NumberStyle.french
            let p = result.pValue < 0.001 ? "p < 0,001" : "p = " + F.number(result.pValue, decimals: 3)
            let figures = "χ² = \(F.number(result.statistic, decimals: 1)) ; \(result.degreesOfFreedom) ddl ; \(p)"
            let verdict = result.isSignificant ? "dépendance significative au seuil de 5 %" : "pas de dépendance significative au seuil de 5 %"
            let caveat = result.smallExpected > 0
                ? " Attention : \(result.smallExpected) effectif\(result.smallExpected > 1 ? "s" : "") attendu\(result.smallExpected > 1 ? "s" : "") sur \(result.cells) inférieur\(result.smallExpected > 1 ? "s" : "") à 5 : le test n’est qu’approximatif."
                : ""
            let method = "test du χ² d’indépendance sur les effectifs de répondants" + (weighted ? " (non pondérés)" : "") + caveat
            output.computed.append(DerivedValue(key: test.key, label: "Test d’indépendance de \(test.label)", value: result.isSignificant ? 1 : 0, decimals: 0,
                                                unit: .text, text: "\(verdict) (\(figures))", ownerKey: key + "." + dimension.segments[0].key, method: method))
            output.computed.append(DerivedValue(key: "\(test.key).chi2", label: "χ² de \(test.label)", value: result.statistic, decimals: 1,
                                                unit: .count, text: nil, ownerKey: key + "." + dimension.segments[0].key, method: method))
            output.computed.append(DerivedValue(key: "\(test.key).p-value", label: "Valeur p de \(test.label)", value: result.pValue, decimals: 3,
                                                unit: .count, text: nil, ownerKey: key + "." + dimension.segments[0].key, method: method))
            output.methodNotes.append("Test du χ² d’indépendance de \(test.label) : \(figures) ; \(verdict).\(caveat)")
        }
    }
}
