import ArgumentParser
import Foundation
import StudyModel
import StudyStore

/// `studycircle room list|create|post|history`: study rooms from the shell and from scripts.
struct RoomCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "room", abstract: "List, create, join and post to study rooms.",
        subcommands: [List.self, Create.self, Join.self, Post.self, History.self, Run.self, Invite.self, Members.self, Remove.self, Leave.self], defaultSubcommand: List.self)

    /// Finds a room by id, or by name compared as names are (case, width and invisible
    /// characters do not matter).
    static func find(_ nameOrId: String, in store: StudyStore) async throws -> ChatRoom {
        if let room = try await store.rooms.get(id: nameOrId) { return room }
        let found = try await store.rooms.find(name: nameOrId.hasPrefix("#") ? String(nameOrId.dropFirst()) : nameOrId)
        guard let room = found else {
            throw CLIError(description: "No room named '\(nameOrId)'. See `studycircle room list`, or create it with `studycircle room create`.")
        }
        return room
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List rooms, newest first.")
        @OptionGroup var global: GlobalOptions
        func run() async throws {
            let context = try await CommandContext.open(global)
            let user = try await context.currentUser()
            // Private rooms of others are not listed (RoomAccess).
            let rooms = try await CLIError.wrapAsync { try await context.store.access(as: user).rooms(PageRequest(limit: 200)) }
            for room in rooms.items {
                let kind = room.isPrivate ? " (private)" : ""
                print("#\(TextSafety.plain(room.name).padding(toLength: 24, withPad: " ", startingAt: 0)) \(room.members.count) members\(kind)  \(TextSafety.plain(room.description))")
            }
            if rooms.items.isEmpty { print("No rooms yet. Create one with `studycircle room create NAME`.") }
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create", abstract: "Create a room and join it.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Room name.") var name: String
        @Option(help: "What the room is for.") var description = ""
        @Flag(help: "Only members (whom you invite) can see and use the room.") var `private` = false
        func run() async throws {
            let context = try await CommandContext.open(global)
            let user = try await context.currentUser()
            let room = try await CLIError.wrapAsync {
                do {
                    return try await context.store.access(as: user).createRoom(name: name, description: description, isPrivate: `private`)
                } catch StoreError.duplicate(_, "name", _) {
                    let existing = try await context.store.rooms.find(name: name)
                    let shown = TextSafety.plain(existing?.name ?? NameKey.cleaned(name))
                    throw CLIError(description: "A room named #\(shown) already exists (names ignore case and invisible characters); nothing was created. Join it with `studycircle room join \(shown)`.")
                }
            }
            print("Created #\(TextSafety.plain(room.name)).")
        }
    }

    struct Post: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "post", abstract: "Send a message to a room (text from the arguments, or standard input).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Room name or id.") var room: String
        @Argument(help: "The message; read from standard input when omitted.") var words: [String] = []
        func run() async throws {
            let context = try await CommandContext.open(global)
            let user = try await context.currentUser()
            var text = words.joined(separator: " ")
            if words.isEmpty {
                let input = try StandardInput.readText(limit: 1_048_576, what: "message", instead: "or write the message after the room name; nothing was sent")
                text = input.hasSuffix("\n") ? String(input.dropLast()) : input
            }
            try await CLIError.wrapAsync {
                let target = try await RoomCommand.find(room, in: context.store)
                do {
                    _ = try await context.store.access(as: user).send(Message(roomId: target.roomId, sender: user.username, text: text))
                } catch StoreError.outcomeUnknown(let known) {
                    throw CLIError(description: "\(known) See `studycircle room history \(TextSafety.plain(target.name)) --limit 5` before posting it again.")
                }
            }
        }
    }

    struct Join: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "join", abstract: "Join a room by name or id.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Room name or id.") var room: String
        func run() async throws {
            let context = try await CommandContext.open(global)
            let user = try await context.currentUser()
            let joined = try await CLIError.wrapAsync {
                let target = try await RoomCommand.find(room, in: context.store)
                return try await context.store.access(as: user).join(roomId: target.roomId)
            }
            print("Joined #\(TextSafety.plain(joined.name)) (\(joined.members.count) members).")
        }
    }

    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history",
            abstract: "Print a room's messages, oldest first: the latest page, an older page (--before), or all (--all).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Room name or id.") var room: String
        @Option(help: "How many messages (1-\(PageRequest.maxLimit)).") var limit = 50
        @Option(help: "Continue with the messages before this position (printed after each page).") var before: String?
        @Flag(help: "Every message of the room.") var all = false
        @Flag(help: "Start each line with the message id (for `room run`).") var ids = false

        func validate() throws {
            guard (1...PageRequest.maxLimit).contains(limit) else {
                throw ValidationError("--limit must be between 1 and \(PageRequest.maxLimit) (it was \(limit)).")
            }
            if all && before != nil { throw ValidationError("Use either --all or --before, not both.") }
        }

        func run() async throws {
            let context = try await CommandContext.open(global)
            let user = try await context.currentUser()
            try await CLIError.wrapAsync {
                let target = try await RoomCommand.find(room, in: context.store)
                let access = context.store.access(as: user)
                var pages: [[Message]] = []
                var cursor: PageCursor? = before.map { PageCursor(token: $0) }
                repeat {
                    let page: MessagePage
                    do {
                        page = try await access.history(roomId: target.roomId, before: cursor, limit: limit)
                    } catch StoreError.badCursor {
                        throw CLIError(description: "--before '\(TextSafety.plain(before ?? ""))' is not a position printed by `room history`; run it without --before to start from the newest messages.")
                    }
                    pages.append(page.messages)
                    cursor = page.older
                } while all && cursor != nil
                for message in pages.reversed().joined() {
                    let id = ids ? "\(message.messageId) " : ""
                    print("\(id)\(message.createdAt.iso8601.prefix(19).replacingOccurrences(of: "T", with: " ")) <\(TextSafety.plain(message.sender))> \(TextSafety.plain(message.text))")
                }
                if !all, let cursor {
                    Output.error("Older messages: studycircle room history \(RoomCommand.quoted(target.name)) --before \(cursor)")
                }
            }
        }
    }

    /// A room name as a shell argument.
    static func quoted(_ name: String) -> String {
        let plain = TextSafety.plain(name)
        return plain.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }) ? plain : "'" + plain.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
