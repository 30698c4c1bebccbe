import COpenSSL
import Foundation

/// SHA-256 and HMAC-SHA-256 through OpenSSL (see the shim for why the algorithm is pre-fetched).
enum Crypto {
    /// A 32-byte digest.
    typealias Digest = [UInt8]

    static func sha256<C: ContiguousBytes>(_ data: C) -> Digest {
        var out = [UInt8](repeating: 0, count: 32)
        let ok = data.withUnsafeBytes { input in
            out.withUnsafeMutableBufferPointer { sc_sha256(input.baseAddress, input.count, $0.baseAddress) }
        }
        // OpenSSL only fails here when it cannot allocate; a zero digest then makes the request
        // fail its signature check with a clear AWS error instead of crashing the app.
        return ok == 1 ? out : [UInt8](repeating: 0, count: 32)
    }

    static func sha256(_ string: String) -> Digest {
        var string = string
        return string.withUTF8 { sha256(UnsafeRawBufferPointer($0)) }
    }

    static func hmacSHA256<K: ContiguousBytes, D: ContiguousBytes>(key: K, data: D) -> Digest {
        var out = [UInt8](repeating: 0, count: 32)
        let ok = key.withUnsafeBytes { k in
            data.withUnsafeBytes { d in
                out.withUnsafeMutableBufferPointer { sc_hmac_sha256(k.baseAddress, k.count, d.baseAddress, d.count, $0.baseAddress) }
            }
        }
        return ok == 1 ? out : [UInt8](repeating: 0, count: 32)
    }

    static func hmacSHA256<K: ContiguousBytes>(key: K, string: String) -> Digest {
        var string = string
        return string.withUTF8 { hmacSHA256(key: key, data: UnsafeRawBufferPointer($0)) }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Lower-case hex, as SigV4 wants.
    static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
