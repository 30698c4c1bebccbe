import Foundation
import StudyModel
import StudyStore

extension AppReducer {
    /// The Rooms pane's actions.
    static func reduceRooms(_ state: inout AppState, _ action: RoomsAction) -> [Effect] {
        let user = state.settings.user
        switch action {
        case let .loaded(rooms):
            let firstLoad = !state.rooms.loaded
            state.rooms.loaded = true
            let previous = Dictionary(state.rooms.entries.map { ($0.room.roomId, $0) }, uniquingKeysWith: { a, _ in a })
            state.rooms.entries = rooms.map { room in
                var entry = previous[room.roomId] ?? RoomEntry(room: room, joined: false)
                entry.room = room
                entry.joined = room.members.contains(user)
                return entry
            }
            sortRooms(&state.rooms)
            var effects: [Effect] = [.watchRooms(joinedRoomIds(state))]
            // Open the first joined room on start so the Messages pane is never empty.
            if firstLoad, state.openRoom == nil, let first = state.rooms.entries.first(where: \.joined) {
                effects += open(&state, roomId: first.room.roomId, focusMessages: false)
            }
            return effects + applyReadMarks(&state)
        case let .firstScreenLoaded(rooms, newest, library):
            var effects = reduceRooms(&state, .loaded(rooms))
            // The store has just answered: the status line says so on the first frame, rather
            // than "connecting" until the poller's first round redraws it.
            if state.connection == .connecting { state.connection = .online }
            if let library {
                effects += reduceLibrary(&state, .loaded(requestId: state.library.requestId, items: library.items,
                                                         next: library.next, append: false))
            }
            if let newest, state.openRoom?.roomId == newest.roomId, state.openRoom?.window.isLoaded == false {
                // The page came with the rooms: no second read for it.
                effects.removeAll { effect in
                    if case let .loadHistory(roomId, nil, _, .newest) = effect { return roomId == newest.roomId }
                    return false
                }
                effects += reduceMessages(&state, .historyLoaded(roomId: newest.roomId, page: newest.page, before: nil, direction: .newest))
            }
            if state.startup == .loadingFirstScreen { state.startup = .firstScreenReady }
            return effects
        case let .readMarksLoaded(marks):
            state.readMarks = marks
            state.readMarksLoaded = true
            return applyReadMarks(&state)
        case let .unreadCounted(roomId, unread, mentions):
            // Added to what the poller counted meanwhile: it only reports messages after the
            // moment it started watching, which the count did not include.
            guard let index = state.rooms.index(of: roomId), state.openRoom?.roomId != roomId else { return [] }
            state.rooms.entries[index].unread += unread
            state.rooms.entries[index].mentions += mentions
            return []
        case let .open(roomId):
            guard let index = state.rooms.index(of: roomId) else { return [] }
            if !state.rooms.entries[index].joined {
                state.notice = Notice("Joining \(state.rooms.entries[index].room.name)…")
                return [.joinRoomById(roomId: roomId, user: user)]
            }
            // Focus stays in the list: the pane keys 1-5 must not be typed into the new room.
            return open(&state, roomId: roomId, focusMessages: false)
        case let .join(name):
            let name = name.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else {
                state.notice = Notice("Usage: :join NAME", isError: true)
                return []
            }
            return [.joinRoom(name: name, user: user)]
        case let .create(name, isPrivate):
            let name = name.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else {
                state.notice = Notice("Usage: :room new NAME [--private]", isError: true)
                return []
            }
            return [.createRoom(name: name, user: user, isPrivate: isPrivate)]
        case let .offerJoin(name):
            state.rooms.joinOffer = name
            state.notice = nil
            return []
        case let .answerJoinOffer(yes):
            guard let name = state.rooms.joinOffer else { return [] }
            state.rooms.joinOffer = nil
            if !yes {
                state.notice = Notice("Nothing created: a room named '\(name)' already exists.")
                return []
            }
            return [.joinRoom(name: name, user: user)]
        case let .invite(username), let .remove(username):
            let username = username.trimmingCharacters(in: .whitespaces)
            let verb = if case .invite = action { "invite" } else { "remove" }
            guard let open = state.openRoom else {
                state.notice = Notice("Open a room first; :\(verb) works on the open room.", isError: true)
                return []
            }
            guard !username.isEmpty, !username.contains(" ") else {
                state.notice = Notice("Usage: :\(verb) USERNAME", isError: true)
                return []
            }
            if case .invite = action { return [.inviteMember(roomId: open.roomId, username: username)] }
            return [.removeMember(roomId: open.roomId, username: username)]
        case let .membersChanged(room):
            if let index = state.rooms.index(of: room.roomId) {
                state.rooms.entries[index].room = room
                state.rooms.entries[index].joined = room.members.contains(user)
            }
            state.notice = Notice("#\(room.name) members: \(room.members.joined(separator: ", ")).")
            if !room.members.contains(user) { return reduceRooms(&state, .left(roomId: room.roomId)) }
            return []
        case .leave:
            guard let open = state.openRoom else {
                state.notice = Notice("No room is open; open one in the Rooms pane first.", isError: true)
                return []
            }
            return [.leaveRoom(roomId: open.roomId, user: user)]
        case let .joined(room):
            var entry = RoomEntry(room: room, joined: true)
            if let index = state.rooms.index(of: room.roomId) {
                entry = state.rooms.entries[index]
                entry.room = room
                entry.joined = true
                state.rooms.entries[index] = entry
            } else {
                state.rooms.entries.append(entry)
            }
            sortRooms(&state.rooms)
            if let shown = state.rooms.visible.firstIndex(where: { $0.room.roomId == room.roomId }) {
                state.rooms.selected = shown
            }
            state.notice = Notice("Joined \(room.name). Press i or Enter to write.")
            // Opened, with focus in the room list until the student starts writing (i, Enter, 2).
            state.focus = .rooms
            return [.watchRooms(joinedRoomIds(state))] + open(&state, roomId: room.roomId, focusMessages: false)
        case let .left(roomId):
            if let index = state.rooms.index(of: roomId) {
                state.rooms.entries[index].joined = false
                state.rooms.entries[index].unread = 0
                state.rooms.entries[index].mentions = 0
                state.notice = Notice("Left \(state.rooms.entries[index].room.name).")
            }
            if state.openRoom?.roomId == roomId { state.openRoom = nil }
            sortRooms(&state.rooms)
            return [.watchRooms(joinedRoomIds(state))]
        }
    }

    /// The room the app opens on start for `user`: the first joined room in the list's order
    /// (what `loaded` opens), so the start can read its newest page together with the rooms.
    public static func roomToOpen(_ rooms: [ChatRoom], user: String) -> String? {
        var list = RoomsState()
        list.entries = rooms.map { RoomEntry(room: $0, joined: $0.members.contains(user)) }
        sortRooms(&list)
        return list.entries.first(where: \.joined)?.room.roomId
    }

    /// Opens a joined room: remembers where the previous room was read, resets the new room's
    /// unread count, and loads its newest page.
    static func open(_ state: inout AppState, roomId: String, focusMessages: Bool) -> [Effect] {
        if focusMessages { state.focus = .messages }
        if state.openRoom?.roomId == roomId { return [] }
        rememberReadPosition(&state)
        guard let index = state.rooms.index(of: roomId) else { return [] }
        let entry = state.rooms.entries[index]
        state.rooms.entries[index].unread = 0
        state.rooms.entries[index].mentions = 0
        state.openRoom = OpenRoom(roomId: roomId, name: entry.room.name, capacity: state.settings.messageWindow,
                                  readMarker: entry.lastRead)
        let history: [Effect] = [.loadHistory(roomId: roomId, before: nil, limit: state.settings.historyPageSize, direction: .newest)]
        // The side view follows the room: its meetings, projects or members stay in view.
        return history + (state.plans.panel == .messages ? [] : loadPlans(&state, roomId: roomId))
    }

    /// The newest message of the open room counts as read when the user leaves it.
    static func rememberReadPosition(_ state: inout AppState) {
        guard let open = state.openRoom, open.window.isLive, let newest = open.window.messages.last,
              let index = state.rooms.index(of: open.roomId) else { return }
        state.rooms.entries[index].lastRead = newest.key
    }

    static func joinedRoomIds(_ state: AppState) -> [String] {
        state.rooms.entries.filter(\.joined).map(\.room.roomId)
    }

    static func sortRooms(_ rooms: inout RoomsState) {
        let selectedId = rooms.visible.indices.contains(rooms.selected) ? rooms.visible[rooms.selected].room.roomId : nil
        rooms.entries.sort { a, b in
            if a.joined != b.joined { return a.joined }
            // Case-folded by the standard library, not a locale's collator: this runs on every
            // start, and opening an ICU collator maps its data (issue 13: start-up memory).
            let left = a.room.name.lowercased(), right = b.room.name.lowercased()
            if left != right { return left < right }
            return a.room.roomId < b.room.roomId
        }
        if let selectedId, let index = rooms.visible.firstIndex(where: { $0.room.roomId == selectedId }) {
            rooms.selected = index
        } else {
            rooms.selected = min(rooms.selected, max(0, rooms.visible.count - 1))
        }
    }
}
