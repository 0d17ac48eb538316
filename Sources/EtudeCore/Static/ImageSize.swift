import Foundation

/// The width and height of an image in CSS pixels, read from the file's header: PNG,
/// JPEG, GIF, and SVG (its `width` and `height` in pixels, else its `viewBox`).
struct ImageSize: Equatable {
    var width: Int
    var height: Int

    /// nil when the file is none of those formats, or says no usable size.
    init?(of data: Data) {
        let bytes = [UInt8](data.prefix(1 << 20))
        guard let size = Self.png(bytes) ?? Self.gif(bytes) ?? Self.jpeg(bytes) ?? Self.svg(bytes) else { return nil }
        self = size
    }

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    private static func bigEndian(_ bytes: [UInt8], _ at: Int, _ count: Int) -> Int {
        (at..<at + count).reduce(0) { $0 << 8 | Int(bytes[$1]) }
    }

    private static func valid(_ width: Int, _ height: Int) -> ImageSize? {
        width > 0 && height > 0 ? ImageSize(width: width, height: height) : nil
    }

    static func png(_ b: [UInt8]) -> ImageSize? {
        guard b.count >= 24, b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
              b[12...15].elementsEqual("IHDR".utf8) else { return nil }
        return valid(bigEndian(b, 16, 4), bigEndian(b, 20, 4))
    }

    static func gif(_ b: [UInt8]) -> ImageSize? {
        guard b.count >= 10, b.starts(with: Array("GIF87a".utf8)) || b.starts(with: Array("GIF89a".utf8)) else { return nil }
        return valid(Int(b[6]) | Int(b[7]) << 8, Int(b[8]) | Int(b[9]) << 8)
    }

    /// The first start-of-frame segment's size; markers are walked by their lengths.
    static func jpeg(_ b: [UInt8]) -> ImageSize? {
        guard b.count >= 4, b[0] == 0xFF, b[1] == 0xD8 else { return nil }
        var i = 2
        while i + 3 < b.count {
            guard b[i] == 0xFF else { return nil }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }
            if marker == 0x01 || (0xD0...0xD7).contains(marker) { i += 2; continue }
            let length = bigEndian(b, i + 2, 2)
            if (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker) {
                guard i + 8 < b.count else { return nil }
                return valid(bigEndian(b, i + 7, 2), bigEndian(b, i + 5, 2))
            }
            guard length >= 2 else { return nil }
            i += 2 + length
        }
        return nil
    }

    /// The root `<svg>` element's `width` and `height` when both are plain or `px`
    /// lengths, else the last two numbers of its `viewBox`.
    static func svg(_ b: [UInt8]) -> ImageSize? {
        let text = String(decoding: b, as: UTF8.self)
        guard let open = text.range(of: "<svg"), let close = text[open.upperBound...].firstIndex(of: ">") else { return nil }
        let tag = String(text[open.upperBound..<close]).replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
        let attributes = Dictionary(HTMLText.attributes(["width", "height", "viewBox"], in: tag), uniquingKeysWith: { first, _ in first })
        func pixels(_ value: String?) -> Int? {
            guard var value = value?.trimmed(.whitespaces) else { return nil }
            if value.hasSuffix("px") { value.removeLast(2) }
            return Double(value).flatMap(rounded)
        }
        if let width = pixels(attributes["width"]), let height = pixels(attributes["height"]) { return valid(width, height) }
        let box = (attributes["viewBox"] ?? "").split { $0 == " " || $0 == "," }.compactMap { Double($0) }
        guard box.count == 4, let width = rounded(box[2]), let height = rounded(box[3]) else { return nil }
        return valid(width, height)
    }

    /// A length in whole pixels; nil when it is not a sensible image size.
    private static func rounded(_ value: Double) -> Int? {
        guard value.isFinite, value > 0, value < 1_000_000 else { return nil }
        return Int(value.rounded(.up))
    }
}
