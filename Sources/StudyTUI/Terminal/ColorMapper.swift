/// How many colours the terminal has, and how theme colours map onto them.
public enum ColorDepth: Equatable, Sendable {
    /// NO_COLOR, or a terminal without colours: attributes only.
    case none
    case ansi8
    case ansi16
    case indexed256
    /// Direct colour (a `*-direct` terminfo): colour numbers are 0xRRGGBB.
    case direct

    public static func detect(colors: Int, noColor: Bool) -> ColorDepth {
        if noColor || colors < 8 { return .none }
        if colors >= 0x1000000 { return .direct }
        if colors >= 256 { return .indexed256 }
        if colors >= 16 { return .ansi16 }
        return .ansi8
    }
}

/// Maps theme colours to curses colour numbers for a colour depth (-1 is the terminal default).
public enum ColorMapper {
    static let ansiRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    public static func number(_ color: ThemeColor, depth: ColorDepth) -> Int32 {
        switch (color, depth) {
        case (_, .none), (.terminalDefault, _): return -1
        case let (.ansi(n), .ansi8): return Int32(n % 8)
        case let (.ansi(n), .direct): let c = ansiRGB[n % 16]; return Int32(c.0 << 16 | c.1 << 8 | c.2)
        case let (.ansi(n), _): return Int32(n)
        case let (.indexed(n), .indexed256): return Int32(n)
        case let (.indexed(n), .direct): let c = rgb(ofIndexed: n); return Int32(c.0 << 16 | c.1 << 8 | c.2)
        case let (.indexed(n), _): let c = rgb(ofIndexed: n); return Int32(nearestANSI(c, count: depth == .ansi8 ? 8 : 16))
        case let (.rgb(r, g, b), .direct): return Int32(Int(r) << 16 | Int(g) << 8 | Int(b))
        case let (.rgb(r, g, b), .indexed256): return Int32(nearest256(Int(r), Int(g), Int(b)))
        case let (.rgb(r, g, b), _): return Int32(nearestANSI((Int(r), Int(g), Int(b)), count: depth == .ansi8 ? 8 : 16))
        }
    }

    /// The xterm colour of a 256-colour index.
    static func rgb(ofIndexed n: Int) -> (Int, Int, Int) {
        if n < 16 { return ansiRGB[max(0, n)] }
        if n >= 232 { let v = 8 + (n - 232) * 10; return (v, v, v) }
        let i = n - 16
        let steps = [0, 95, 135, 175, 215, 255]
        return (steps[i / 36], steps[(i / 6) % 6], steps[i % 6])
    }

    /// Nearest of the 6x6x6 cube and the grey ramp (the 16 system colours vary by terminal).
    static func nearest256(_ r: Int, _ g: Int, _ b: Int) -> Int {
        var best = 16
        var bestDistance = Int.max
        for n in 16..<256 {
            let c = rgb(ofIndexed: n)
            let d = distance((r, g, b), c)
            if d < bestDistance { bestDistance = d; best = n }
        }
        return best
    }

    static func nearestANSI(_ c: (Int, Int, Int), count: Int) -> Int {
        var best = 0
        var bestDistance = Int.max
        for n in 0..<count {
            let d = distance(c, ansiRGB[n])
            if d < bestDistance { bestDistance = d; best = n }
        }
        return best
    }

    static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        // Weighted for how the eye sees green most.
        let dr = a.0 - b.0, dg = a.1 - b.1, db = a.2 - b.2
        return 2 * dr * dr + 4 * dg * dg + 3 * db * db
    }
}
