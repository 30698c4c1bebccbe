/// The default theme, compiled in so the app always has one (it matches themes/dark.toml).
enum BuiltInTheme {
    static let dark = """
    name = "dark"
    [styles.normal]
    fg = "default"
    [styles.border]
    fg = "#585858"
    [styles.border_focused]
    fg = "#5fafff"
    [styles.title]
    fg = "#a8a8a8"
    [styles.title_focused]
    fg = "#5fafff"
    bold = true
    [styles.selected]
    fg = "#000000"
    bg = "#5fafff"
    [styles.selected_unfocused]
    fg = "default"
    bg = "#3a3a3a"
    [styles.dim]
    fg = "#808080"
    [styles.status]
    fg = "#d0d0d0"
    bg = "#303030"
    [styles.status_error]
    fg = "#ff5f5f"
    bg = "#303030"
    bold = true
    [styles.status_ok]
    fg = "#87d787"
    bg = "#303030"
    [styles.status_warn]
    fg = "#ffd75f"
    bg = "#303030"
    [styles.hint]
    fg = "#8a8a8a"
    bg = "default"
    [styles.command]
    fg = "default"
    [styles.timestamp]
    fg = "#6c6c6c"
    [styles.own]
    fg = "#5fafff"
    bold = true
    [styles.mention]
    fg = "#ffd75f"
    bold = true
    [styles.day_separator]
    fg = "#6c6c6c"
    [styles.read_marker]
    fg = "#ff5f87"
    [styles.pending]
    fg = "#808080"
    italic = true
    [styles.unread]
    fg = "default"
    bold = true
    [styles.heading]
    fg = "#ffaf5f"
    bold = true
    [styles.emphasis]
    italic = true
    [styles.strong]
    bold = true
    [styles.code]
    fg = "#87d7af"
    [styles.link]
    fg = "#5fafff"
    underline = true
    [styles.quote]
    fg = "#8a8a8a"
    [styles.help]
    fg = "default"
    bg = "#262626"
    [styles.help_key]
    fg = "#ffd75f"
    bg = "#262626"
    bold = true
    [styles.error]
    fg = "#ff5f5f"
    bold = true
    [styles.notice]
    fg = "#87d787"
    [styles.sender0]
    fg = "#ff8787"
    [styles.sender1]
    fg = "#87d787"
    [styles.sender2]
    fg = "#ffd787"
    [styles.sender3]
    fg = "#87afff"
    [styles.sender4]
    fg = "#d787ff"
    [styles.sender5]
    fg = "#87d7d7"
    [styles.sender6]
    fg = "#ffaf87"
    [styles.sender7]
    fg = "#afd75f"
    """
}
