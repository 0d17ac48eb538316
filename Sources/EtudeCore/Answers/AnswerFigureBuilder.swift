/// Turns the tallies of one wave into ordinary figures, groups and computed values, so
/// that references, charts, margins and the export treat them as any figure of data/.
struct AnswerFigureBuilder {
    let survey: SurveyDeclaration
    var output: AnswersOutput

    var weighted: Bool { survey.weight != nil }
    /// The study's words (labels and methods of the values computed here).
    var words: Messages { output.dataset.language.messages }

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
                "'\(key)' is not published: its base is \(tally.answered) respondent\(tally.answered == 1 ? "" : "s"), under the secrecy threshold of \(survey.secrecy) (\(words(StatisticsMessage.withheldLabel, ["label": words(StatisticsMessage.withheld)])))"))
        }
        let owner = figure.kind == .numeric ? "\(key).mean" : key
        output.computed.append(DerivedValue(key: "\(key).non-response", label: words(StatisticsMessage.nonResponseLabel, ["label": label]),
                                            value: Double(tally.nonResponse), decimals: 0, unit: .count, text: nil, ownerKey: owner,
                                            method: words(StatisticsMessage.nonResponseMethod)))
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
        let named = ["label": label]
        let values: [(String, StatisticsMessage, Double?, Double?, Double?)] = [
            ("mean", .meanLabel, summary?.mean, summary?.meanLow, summary?.meanHigh),
            ("median", .medianLabel, summary?.median, summary?.medianLow, summary?.medianHigh),
        ]
        for (suffix, titleKey, value, low, high) in values {
            let title = words(titleKey, named)
            var number = Figure(key: "\(key).\(suffix)", label: title, value: value ?? 0, decimals: 1, fraction: nil, unit: .count, kind: .count,
                                bound: nil, base: nil, sourceID: survey.sourceID, assumption: figure.assumption, computedFrom: nil, group: nil,
                                file: SurveyDeclaration.file, location: figure.location)
            number.suppressed = suppressed
            try output.add(number)
            let method = suffix == "mean"
                ? words(weighted ? StatisticsMessage.meanMethodWeighted : .meanMethod)
                : words(weighted ? StatisticsMessage.medianMethodWeighted : .medianMethod)
            let bounds: [(String, StatisticsMessage, Double?)] = suffix == "mean"
                ? [("low", .meanLowLabel, low), ("high", .meanHighLabel, high)]
                : [("low", .medianLowLabel, low), ("high", .medianHighLabel, high)]
            for (bound, boundKey, number) in bounds {
                output.computed.append(DerivedValue(
                    key: "\(key).\(suffix).\(bound)", label: words(boundKey, named),
                    value: number ?? 0, decimals: 1, unit: number == nil ? .text : .count, text: number == nil ? words(StatisticsMessage.withheld) : nil,
                    ownerKey: "\(key).\(suffix)", method: words(StatisticsMessage.boundsMethod, ["method": method])))
            }
        }
        output.computed.append(DerivedValue(key: "\(key).base", label: words(StatisticsMessage.answeredLabel, named), value: Double(tally.answered), decimals: 0,
                                            unit: .count, text: nil, ownerKey: "\(key).mean", method: words(StatisticsMessage.answeredMethod)))
    }

    /// The chi-square test of independence between the answers and the segments, on the
    /// respondents' (unweighted) counts; for a multiple question, one test per answer.
    private mutating func independence(_ figure: AnswerFigure, key: String, dimension: Dimension, segments: [AnswerTally], inWave: String) {
        var tests: [(key: String, label: String, table: [[Double]])] = []
        if figure.kind == .split {
            tests.append(("\(key).test", words(StatisticsMessage.testSubject, ["label": figure.label + inWave, "dimension": dimension.key]),
                          segments.map { $0.counts.map(Double.init) }))
        } else {
            for (index, answer) in figure.answers.enumerated() {
                tests.append(("\(key).test.\(answer.key)",
                              words(StatisticsMessage.testSubjectAnswer, ["label": figure.label + inWave, "answer": answer.label, "dimension": dimension.key]),
                              segments.map { [Double($0.counts[index]), Double($0.answered - $0.counts[index])] }))
            }
        }
        for test in tests {
            guard let result = ChiSquareTest(test.table) else { continue }
            let numbers = output.dataset.language.numbers
            let p = result.pValue < 0.001
                ? words(StatisticsMessage.testPBelow, ["p": numbers.number(0.001, decimals: 3)])
                : words(StatisticsMessage.testP, ["p": numbers.number(result.pValue, decimals: 3)])
            let figures = words(StatisticsMessage.testFigures, ["chi2": numbers.number(result.statistic, decimals: 1), "df": "\(result.degreesOfFreedom)", "p": p])
            let verdict = words(result.isSignificant ? StatisticsMessage.testSignificant : .testNotSignificant)
            let caveatKey: StatisticsMessage = numbers.isSingular(Double(result.smallExpected)) ? .testCaveatOne : .testCaveatOther
            let caveat = result.smallExpected > 0 ? words(caveatKey, ["n": "\(result.smallExpected)", "cells": "\(result.cells)"]) : ""
            let plainMethod = words(weighted ? StatisticsMessage.testMethodWeighted : .testMethod)
            let method = caveat.isEmpty ? plainMethod : words(StatisticsMessage.testMethodCaveat, ["method": plainMethod, "caveat": caveat])
            let subject = ["subject": test.label]
            let owner = key + "." + dimension.segments[0].key
            output.computed.append(DerivedValue(key: test.key, label: words(StatisticsMessage.testLabel, subject), value: result.isSignificant ? 1 : 0, decimals: 0,
                                                unit: .text, text: words(StatisticsMessage.testResult, ["verdict": verdict, "figures": figures]),
                                                ownerKey: owner, method: method))
            output.computed.append(DerivedValue(key: "\(test.key).chi2", label: words(StatisticsMessage.testChi2Label, subject), value: result.statistic, decimals: 1,
                                                unit: .count, text: nil, ownerKey: owner, method: method))
            output.computed.append(DerivedValue(key: "\(test.key).p-value", label: words(StatisticsMessage.testPValueLabel, subject), value: result.pValue, decimals: 3,
                                                unit: .count, text: nil, ownerKey: owner, method: method))
            let note = words(StatisticsMessage.testNote, ["subject": test.label, "figures": figures, "verdict": verdict])
            output.methodNotes.append(caveat.isEmpty ? note : note + " " + caveat)
        }
    }
}
