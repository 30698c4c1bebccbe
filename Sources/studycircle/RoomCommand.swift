import ArgumentParser
import Foundation
import StudyModel
import StudyStore

/// `studycircle room list|create|post|history`: study rooms from the shell and from scripts.
struct RoomCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "room", abstract: "List, create and post to study rooms.",
        subcommands: [List.self, Create.self, Post.self, History.self], defaultSubcommand: List.self)

    /// Finds a room by exact name or id.
    static func find(_ nameOrId: String, in store: StudyStore) async throws -> ChatRoom {
        if let room = try await store.rooms.get(id: nameOrId) { return room }
        let named = try await store.rooms.list(name: nameOrId.hasPrefix("#") ? String(nameOrId.dropFirst()) : nameOrId)
        guard let room = named.first else {
            throw CLIError(description: "No room named '\(nameOrId)'. See `studycircle room list`, or create it with `studycircle room create`.")
        }
        return room
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List rooms, newest first.")
        @OptionGroup var global: GlobalOptions
        func run() async throws {
            let context = try await CommandContext.open(global)
            let rooms = try await CLIError.wrapAsync { try await context.store.rooms.list(PageRequest(limit: 200)) }
            for room in rooms.items {
                print("#\(TextSafety.plain(room.name).padding(toLength: 24, withPad: " ", startingAt: 0)) \(room.members.count) members  \(TextSafety.plain(room.description))")
            }
            if rooms.items.isEmpty { print("No rooms yet. Create one with `studycircle room create NAME`.") }
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a room and join it.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Room name.") var name: String
        @Option(help: "What the room is for.") var description = ""
        func run() async throws {
            let context = try await CommandContext.open(global)
            let user = try await context.currentUser()
            let room = try await CLIError.wrapAsync {
                try await context.store.rooms.create(ChatRoom(name: name, description: description, members: [user.username], createdBy: user.username))
            }
            print("Created #\(TextSafety.plain(room.name)).")
        }
    }

    struct Post: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Send a message to a room (text from the arguments, or standard input).")
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
                _ = try await context.store.messages.send(Message(roomId: target.roomId, sender: user.username, text: text))
            }
        }
    }

    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a room's latest messages.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Room name or id.") var room: String
        @Option(help: "How many messages.") var limit = 50
        func run() async throws {
            let context = try await CommandContext.open(global)
            try await CLIError.wrapAsync {
                let target = try await RoomCommand.find(room, in: context.store)
                let page = try await context.store.messages.history(roomId: target.roomId, before: nil, limit: limit)
                for m in page.messages {
                    print("\(m.createdAt.iso8601.prefix(19).replacingOccurrences(of: "T", with: " ")) <\(TextSafety.plain(m.sender))> \(TextSafety.plain(m.text))")
                }
            }
        }
    }
}
