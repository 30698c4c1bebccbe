import Foundation
import StudyModel

/// Turns a backend's position (any Codable value) into an opaque, URL-safe cursor and back.
/// A cursor that does not decode is reported as `StoreError.badCursor`, never a crash.
public enum CursorCodec {
    public static func encode<T: Encodable>(_ value: T) -> PageCursor {
        let data = (try? JSONEncoder().encode(value)) ?? Data()
        return PageCursor(token: urlSafe(data.base64EncodedString()))
    }

    public static func decode<T: Decodable>(_ type: T.Type, from cursor: PageCursor) throws -> T {
        let text = standard(cursor.token)
        guard let data = Data(base64Encoded: text), let value = try? JSONDecoder().decode(T.self, from: data) else {
            throw StoreError.badCursor
        }
        return value
    }

    // Base64 ↔ its URL-safe form, byte by byte: a cursor is made for every page shown, and
    // Foundation's replacingOccurrences goes through NSString (and keeps its code and Unicode
    // tables resident in the app).

    /// `+` → `-`, `/` → `_`, padding dropped.
    static func urlSafe(_ base64: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(base64.utf8.count)
        for byte in base64.utf8 where byte != UInt8(ascii: "=") {
            bytes.append(byte == UInt8(ascii: "+") ? UInt8(ascii: "-") : byte == UInt8(ascii: "/") ? UInt8(ascii: "_") : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `-` → `+`, `_` → `/`, padded to a multiple of four.
    static func standard(_ token: String) -> String {
        var bytes = token.utf8.map { $0 == UInt8(ascii: "-") ? UInt8(ascii: "+") : $0 == UInt8(ascii: "_") ? UInt8(ascii: "/") : $0 }
        while bytes.count % 4 != 0 { bytes.append(UInt8(ascii: "=")) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
