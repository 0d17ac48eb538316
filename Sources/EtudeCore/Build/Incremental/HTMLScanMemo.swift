import Foundation

/// What the link check read in each built file (its links, its ids) in the earlier builds
/// of a session, reused while the file's bytes are the same.
final class HTMLScanMemo {
    private var links: [String: (data: Data, values: [String])] = [:]
    private var ids: [String: (data: Data, values: Set<String>)] = [:]

    func links(of path: String, in data: Data?, scan: (Data?) -> [String]) -> [String] {
        guard let data else { return scan(nil) }
        if let kept = links[path], kept.data == data { return kept.values }
        let values = scan(data)
        links[path] = (data, values)
        return values
    }

    func ids(of path: String, in data: Data?, scan: () -> Set<String>) -> Set<String> {
        guard let data else { return scan() }
        if let kept = ids[path], kept.data == data { return kept.values }
        let values = scan()
        ids[path] = (data, values)
        return values
    }
}
