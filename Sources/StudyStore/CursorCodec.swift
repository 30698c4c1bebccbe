import Foundation
import StudyModel

/// Turns a backend's position (any Codable value) into an opaque, URL-safe cursor and back.
/// A cursor that does not decode is reported as `StoreError.badCursor`, never a crash.
public enum CursorCodec {
    public static func encode<T: Encodable>(_ value: T) -> PageCursor {
        let data = (try? JSONEncoder().encode(value)) ?? Data()
        let text = data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return PageCursor(token: text)
    }

    public static func decode<T: Decodable>(_ type: T.Type, from cursor: PageCursor) throws -> T {
        var text = cursor.token
            .replacingOccurrences(of: "-", with: "+")
            .replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        guard let data = Data(base64Encoded: text), let value = try? JSONDecoder().decode(T.self, from: data) else {
            throw StoreError.badCursor
        }
        return value
    }
}
