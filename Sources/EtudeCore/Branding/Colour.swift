import Foundation

/// An sRGB colour written `#rrggbb` or `#rgb`, with the WCAG 2 contrast between two colours.
struct Colour: Equatable {
    var red: Int, green: Int, blue: Int

    init?(hex text: String) {
        var digits = text.trimmed(.whitespaces)
        guard digits.hasPrefix("#") else { return nil }
        digits.removeFirst()
        if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
        guard digits.count == 6, digits.allSatisfy(\.isHexDigit), let value = Int(digits, radix: 16) else { return nil }
        red = value >> 16 & 0xFF
        green = value >> 8 & 0xFF
        blue = value & 0xFF
    }

    /// `#rrggbb`, lowercase: as written into the stylesheet.
    var hex: String { String(format: "#%02x%02x%02x", red, green, blue) }

    /// Relative luminance (WCAG 2.x).
    var luminance: Double {
        func linear(_ channel: Int) -> Double {
            let c = Double(channel) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// The contrast ratio with `other`, from 1 to 21.
    func contrast(with other: Colour) -> Double {
        let (a, b) = (luminance, other.luminance)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }
}
