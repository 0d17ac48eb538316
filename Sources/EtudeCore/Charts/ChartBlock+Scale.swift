extension ChartBlock {
    /// The groups a scale chart shows: one group with a `scale:`, or several groups named
    /// with commas that share the same answers; empty for any other chart.
    func scaleItems(_ keys: [String], file: String, at location: SourcePosition) throws -> [FigureGroup] {
        let dataset = table.dataset
        guard keys.count > 1 || dataset.groups[keys[0]]?.scale != nil else { return [] }
        var groups: [FigureGroup] = []
        for key in keys {
            guard let group = dataset.groups[key], group.scale != nil else {
                let scales = dataset.groupOrder.filter { dataset.groups[$0]?.scale != nil }
                throw Diagnostic(file: file, at: location, message: "'\(key)' is no split with a 'scale'\(Suggestion.didYouMean(key, among: scales)); a chart of several figures shows items of one ordered scale")
            }
            groups.append(group)
        }
        let answers = { (group: FigureGroup) in group.partKeys.map { String($0.dropFirst(group.key.count + 1)) } }
        for group in groups.dropFirst() where answers(group) != answers(groups[0]) || group.scale != groups[0].scale {
            throw Diagnostic(file: file, at: location, message: "'\(group.key)' and '\(groups[0].key)' do not have the same answers and scale, so they cannot share a chart")
        }
        return groups
    }

    /// The groups of small multiples: several multiple groups named with commas, or every
    /// group whose key continues a prefix (`obstacles.2026.by-structure` → one group per
    /// segment), sharing their answers; empty for any other chart.
    func multiples(_ keys: [String], file: String, at location: SourcePosition) throws -> [FigureGroup] {
        let dataset = table.dataset
        var named = keys
        if keys.count == 1, dataset.groups[keys[0]] == nil, table[keys[0]] == nil {
            named = dataset.groupOrder.filter { $0.hasPrefix(keys[0] + ".") && !$0.dropFirst(keys[0].count + 1).contains(".") }
            guard named.count > 1 else { return [] }
        }
        guard named.count > 1 else { return [] }
        let groups = try named.map { key -> FigureGroup in
            guard let group = dataset.groups[key], group.kind == .multiple else {
                throw Diagnostic(file: file, at: location, message: "'\(key)' is no multiple group; small multiples show multiple groups with the same answers (for ordered answers, give the splits a 'scale')")
            }
            return group
        }
        let answers = { (group: FigureGroup) in group.partKeys.map { String($0.dropFirst(group.key.count + 1)) } }
        for group in groups.dropFirst() where Set(answers(group)) != Set(answers(groups[0])) {
            throw Diagnostic(file: file, at: location, message: "'\(group.key)' and '\(groups[0].key)' do not have the same answers, so they cannot share a chart")
        }
        return groups
    }

    /// For two groups of the same answers whose differences are declared (two waves: the
    /// later minus the earlier), each answer's change as written beside the later bar,
    /// « +5 points », with « * » when it is significant; empty when they are not two waves.
    func waveChanges(_ groups: [FigureGroup], answers: [String]) -> [String: String] {
        guard groups.count == 2 else { return [:] }
        let formatter = FigureFormatter(table: table)
        var changes: [String: String] = [:]
        for answer in answers {
            let (earlier, later) = (groups[0].key + "." + answer, groups[1].key + "." + answer)
            guard let declared = table.dataset.differences.first(where: { $0.of == (later, earlier) }),
                  case .derived(let value)? = table[declared.key] else { continue }
            var text = formatter.standardText(of: value)
            if case .derived(let test)? = table[declared.key + ".significance"], test.value == 1 { text += "*" }
            changes[answer] = text
        }
        return changes.count == answers.count ? changes : [:]
    }

    /// Every value in words, item by item, for screen readers.
    func describeScale(_ items: [FigureGroup], bars: [ChartBar]) -> String {
        let neutral = items[0].scale?.neutral.flatMap { key in table.resolved(items[0].key + "." + key)?.figure.label }
        var text = neutral.map { words(.describeScaleNeutral, ["answer": $0]) } ?? words(.describeScaleMiddle)
        text += ". " + items.map { item in
            words(.describeValue, ["label": item.label, "value": bars.filter { $0.key.hasPrefix(item.key + ".") }.map { bar in
                (table.resolved(bar.key)?.figure.label ?? bar.label) + " " + bar.valueText
            }.joined(separator: ", ")])
        }.joined(separator: words(.separator))
        return table.language.typeset(text + ".")
    }
}
