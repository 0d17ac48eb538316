import Foundation

/// What the link check read in each built file (its links, its ids) in the earlier builds
/// of a session: reused while the file's bytes are the same, and else read again only
/// where they changed (`AttributeScanMemo`).
final class HTMLScanMemo {
    private var links: [String: (data: Data, values: [String])] = [:]
    private var ids: [String: (data: Data, values: Set<String>)] = [:]
    private let attributes = AttributeScanMemo()

    /// `LinkChecker.links(in: data)`.
    func links(of path: String, in data: Data?) -> [String] {
        guard let data else { return LinkChecker.links(in: nil) }
        if let kept = links[path], kept.data == data { return kept.values }
        let values = attributes.attributes(LinkChecker.linkNames, in: String(decoding: data, as: UTF8.self), slot: "links " + path)
            .map { LinkChecker.entitiesDecoded($0.value) }
        links[path] = (data, values)
        return values
    }

    /// `LinkChecker.ids(in: data)`.
    func ids(of path: String, in data: Data?) -> Set<String> {
        guard let data else { return LinkChecker.ids(in: nil) }
        if let kept = ids[path], kept.data == data { return kept.values }
        let values = Set(attributes.attributes(LinkChecker.idNames, in: String(decoding: data, as: UTF8.self), slot: "ids " + path)
            .map { LinkChecker.entitiesDecoded($0.value) })
        ids[path] = (data, values)
        return values
    }
}
