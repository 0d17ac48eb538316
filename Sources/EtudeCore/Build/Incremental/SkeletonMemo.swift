/// The skeletons of a template's outputs kept across the builds of a session, one per slot (a
/// page's path, the report): reused while everything the output is made of but its large
/// values (its key) is the same. A skeleton is made only when a slot's values changed and
/// its key did not, the edit that comes again and again while writing: a slot seen once is
/// rendered as usual, and a template that does not put its values in as they are is
/// rendered as usual until its key changes.
final class SkeletonMemo<Key: Equatable> {
    private enum State {
        case seen
        case made(TemplateSkeleton)
        case unusable
    }

    private var kept: [String: (key: Key, state: State)] = [:]
    /// Outputs made from a skeleton since `begin`.
    private(set) var filled = 0

    /// Starts a build: counts its outputs made from a skeleton.
    func begin() {
        filled = 0
    }

    enum Plan {
        /// The output, made from the skeleton.
        case filled(String)
        /// Render the template twice, with each set of placeholders, and give both to `made`.
        case make(TemplateSkeleton.Placeholders)
        /// Render the template with the values, then tell `rendered`.
        case render
    }

    func plan(_ slot: String, key: Key, values: [String]) -> Plan {
        guard let entry = kept[slot], entry.key == key else { return .render }
        switch entry.state {
        case .made(let skeleton):
            if let output = skeleton.filled(with: values) {
                filled += 1
                return .filled(output)
            }
        case .unusable:
            return .render
        case .seen:
            break
        }
        return TemplateSkeleton.Placeholders(for: values).map(Plan.make) ?? .render
    }

    func rendered(_ slot: String, key: Key) {
        if let entry = kept[slot], entry.key == key { return }
        kept[slot] = (key, .seen)
    }

    /// The output for `values` from the two renders of `.make`; nil when they show the template
    /// does not put the values in as they are (then render it with the values).
    func made(_ slot: String, key: Key, values: [String], first: String, second: String, placeholders: TemplateSkeleton.Placeholders) -> String? {
        guard let skeleton = TemplateSkeleton(first: first, second: second, placeholders: placeholders),
              let output = skeleton.filled(with: values) else {
            kept[slot] = (key, .unusable)
            return nil
        }
        kept[slot] = (key, .made(skeleton))
        return output
    }

    func forget() {
        kept = [:]
    }
}
