import CEpoll
import Foundation

/// Drives one slice of tablets through one phase on the calling thread: non-blocking keep-alive sockets (one per
/// tablet) multiplexed with epoll(7), requests sent when due, responses timed on arrival. Waiting costs per ready
/// connection: with poll(2) it cost per connection in flight, so the further the server fell behind, the more of
/// the shared cores the client took from it. A few of these (one per core) carry 1,000+ tablets where a thread per
/// tablet would swamp two cores.
final class EventLoop {
    private let tablets: [Tablet]
    private let phase: any Phase
    private let port: UInt16
    private let deadline: Double
    private var stats = LoopStats()
    /// Slots with a request in flight (scanned for timeouts), and each slot's position in it (-1 = not in flight).
    private var active: [Int] = []
    private var position: [Int]
    private var heap = DueHeap()
    private var ready: [Int] = []
    private var readyHead = 0
    private var inFlight = 0
    private var remaining = 0
    private var expired = false
    private var scratch = [UInt8](repeating: 0, count: 64 * 1024)
    /// The epoll set of this run (-1 outside `run()`); an event's data is the slot and the fd it was added with.
    private var epollFD: Int32 = -1

    init(tablets: [Tablet], phase: any Phase, port: UInt16, deadline: Double) {
        self.tablets = tablets
        self.phase = phase
        self.port = port
        self.deadline = deadline
        self.position = [Int](repeating: -1, count: tablets.count)
    }

    /// Runs the phase until every tablet is done with it or `deadline` passes (then what is still pending fails
    /// with `phase_deadline`). Returns what was measured.
    func run() throws -> LoopStats {
        epollFD = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard epollFD >= 0 else { throw BenchError.call("epoll_create1") }
        defer {
            close(epollFD)
            epollFD = -1
        }
        // Keep-alive connections from the previous phase join this run's set.
        for (slot, tablet) in tablets.enumerated() where tablet.fd >= 0 {
            tablet.watchingWrites = false
            // A connection that cannot join the set is closed; the tablet reconnects at its next request.
            if (try? watch(slot, add: true)) == nil { tablet.closeConnection() }
        }
        let start = monotonicSeconds()
        for (slot, tablet) in tablets.enumerated() {
            tablet.phaseStep = 0
            schedule(slot, now: start)
        }
        var events = [epoll_event](repeating: epoll_event(), count: 1024)
        var lastTimeoutScan = start
        while remaining > 0 {
            var now = monotonicSeconds()
            if now >= deadline {
                expired = true
                for (slot, tablet) in tablets.enumerated() where tablet.inFlight { fail(slot, "phase_deadline", now: now) }
                while let (_, slot) = heap.pop() { fail(slot, "phase_deadline_unsent", now: now) }
                while readyHead < ready.count { fail(ready[readyHead], "phase_deadline_unsent", now: now); readyHead += 1 }
                break
            }
            while let due = heap.peekDue, due <= now, let (_, slot) = heap.pop() { ready.append(slot) }
            while inFlight < phase.maxInFlight, readyHead < ready.count {
                let slot = ready[readyHead]
                readyHead += 1
                send(slot, now: now)
            }
            if readyHead > 4096 && readyHead * 2 > ready.count {
                ready.removeFirst(readyHead)
                readyHead = 0
            }
            if now - lastTimeoutScan >= 0.05 {
                lastTimeoutScan = now
                for slot in active where now - tablets[slot].sentAt > phase.requestTimeout {
                    fail(slot, "timeout", now: now)
                }
            }
            var waitMs = 50.0
            if let due = heap.peekDue { waitMs = min(waitMs, max(0, (due - now) * 1000)) }
            waitMs = min(waitMs, max(0, (deadline - now) * 1000))
            let count = events.withUnsafeMutableBufferPointer {
                epoll_wait(epollFD, $0.baseAddress, Int32($0.count), Int32(waitMs.rounded(.up)))
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw BenchError.call("epoll_wait")
            }
            now = monotonicSeconds()
            for index in 0..<Int(count) {
                let data = events[index].data.u64
                let slot = Int(data & 0xFFFF_FFFF)
                // A slot may have failed or finished (and even reconnected) while handling an earlier event.
                guard slot < tablets.count, tablets[slot].fd >= 0, UInt64(UInt32(bitPattern: tablets[slot].fd)) == data >> 32
                else { continue }
                // epoll's IN/OUT/ERR/HUP bits are poll's.
                let flags = Int16(truncatingIfNeeded: events[index].events & UInt32(EPOLLIN.rawValue | EPOLLOUT.rawValue
                                                                                       | EPOLLERR.rawValue | EPOLLHUP.rawValue))
                if tablets[slot].inFlight {
                    handle(slot, events: flags, now: now)
                } else {
                    receive(slot, now: now)   // an idle connection the server closed (or wrote to unasked)
                }
            }
        }
        return stats
    }

    /// Adds the slot's connection to the epoll set, or changes what it is watched for: always readability, and
    /// writability while connecting or partly sent.
    private func watch(_ slot: Int, add: Bool = false) throws {
        let tablet = tablets[slot]
        let writes = tablet.connecting || (tablet.written < tablet.outgoing.count && tablet.inFlight)
        if !add && writes == tablet.watchingWrites { return }
        var event = epoll_event()
        event.events = UInt32(EPOLLIN.rawValue) | (writes ? UInt32(EPOLLOUT.rawValue) : 0)
        event.data.u64 = UInt64(UInt32(bitPattern: tablet.fd)) << 32 | UInt64(slot)
        guard epoll_ctl(epollFD, add ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, tablet.fd, &event) == 0 else {
            throw BenchError.call(add ? "epoll_ctl(ADD)" : "epoll_ctl(MOD)")
        }
        tablet.watchingWrites = writes
    }

    // MARK: - Scheduling

    /// Asks the phase for the tablet's next request; `remaining` counts tablets with a request scheduled or in
    /// flight.
    private func schedule(_ slot: Int, now: Double) {
        tablets[slot].written = 0   // bytes of the NEXT request sent so far (0 until it goes out)
        guard !expired, let due = phase.prepareNext(tablets[slot], now: now) else { return }
        tablets[slot].dueAt = due
        heap.push(due: due, slot: slot)
        remaining += 1
    }

    /// The tablet finished a request (or failed): ask the phase for its next one.
    private func complete(_ slot: Int, now: Double) {
        remaining -= 1
        tablets[slot].phaseStep += 1
        schedule(slot, now: now)
    }

    private func send(_ slot: Int, now: Double) {
        let tablet = tablets[slot]
        tablet.written = 0
        tablet.incoming.removeAll(keepingCapacity: true)
        tablet.sentAt = now
        markInFlight(slot)
        stats.bytesSent += tablet.outgoing.count
        stats.requests += 1
        if tablet.fd >= 0 && !tablet.connecting && peerHasClosed(tablet.fd) {
            tablet.closeConnection()   // the server closed this idle keep-alive connection: open a new one
        }
        if tablet.fd < 0 {
            do {
                try connect(slot)
            } catch {
                fail(slot, "connect", now: now)
                return
            }
        }
        if !tablet.connecting { flush(slot, now: now) }
    }

    // MARK: - Sockets

    private func connect(_ slot: Int) throws {
        let tablet = tablets[slot]
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw BenchError.call("socket") }
        var one: Int32 = 1
        guard setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            let saved = errno
            close(fd)
            throw BenchError.call("setsockopt(TCP_NODELAY)", saved)
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr = in_addr(s_addr: UInt32(0x7F00_0001).bigEndian)   // 127.0.0.1 only
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if rc != 0 && errno != EINPROGRESS {
            let saved = errno
            close(fd)
            throw BenchError.call("connect", saved)
        }
        tablet.fd = fd
        tablet.connecting = rc != 0
        tablet.watchingWrites = false
        do {
            try watch(slot, add: true)
        } catch {
            tablet.closeConnection()
            throw error
        }
    }

    /// True when an idle connection has been closed by the peer (EOF or error pending).
    private func peerHasClosed(_ fd: Int32) -> Bool {
        var byte: UInt8 = 0
        let count = recv(fd, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
        return count == 0 || (count < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
    }

    private func markInFlight(_ slot: Int) {
        tablets[slot].inFlight = true
        position[slot] = active.count
        active.append(slot)
        inFlight += 1
    }

    private func markDone(_ slot: Int) {
        tablets[slot].inFlight = false
        let at = position[slot]
        let last = active.removeLast()
        if last != slot {
            active[at] = last
            position[last] = at
        }
        position[slot] = -1
        inFlight -= 1
    }

    private func handle(_ slot: Int, events: Int16, now: Double) {
        let tablet = tablets[slot]
        guard tablet.fd >= 0 else { return }
        if tablet.connecting && events & Int16(POLLOUT | POLLERR | POLLHUP) != 0 {
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            if getsockopt(tablet.fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0 || error != 0 {
                fail(slot, "connect", now: now)
                return
            }
            tablet.connecting = false
        }
        if events & Int16(POLLOUT) != 0 && tablet.inFlight && !tablet.connecting {
            flush(slot, now: now)
        }
        if tablet.fd >= 0 && events & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
            receive(slot, now: now)
        }
    }

    private func flush(_ slot: Int, now: Double) {
        let tablet = tablets[slot]
        while tablet.written < tablet.outgoing.count {
            let sent = tablet.outgoing.withUnsafeBytes {
                Glibc.send(tablet.fd, $0.baseAddress! + tablet.written, $0.count - tablet.written, Int32(MSG_NOSIGNAL))
            }
            if sent > 0 {
                tablet.written += sent
            } else if sent < 0 && errno == EINTR {
                continue
            } else if sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                // EPOLLOUT says when to continue
                if (try? watch(slot)) == nil { fail(slot, "epoll_ctl", now: now) }
                return
            } else {
                fail(slot, "send", now: now)
                return
            }
        }
        if tablet.watchingWrites, (try? watch(slot)) == nil { fail(slot, "epoll_ctl", now: now) }
    }

    private func receive(_ slot: Int, now: Double) {
        let tablet = tablets[slot]
        var peerClosed = false
        var readAny = false
        while tablet.fd >= 0 {
            let count = scratch.withUnsafeMutableBytes { recv(tablet.fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                readAny = true
                tablet.incoming.append(contentsOf: scratch[0..<count])
            } else if count == 0 {
                peerClosed = true
                break
            } else if errno == EINTR {
                continue
            } else if errno == EAGAIN || errno == EWOULDBLOCK {
                break
            } else {
                peerClosed = true
                break
            }
        }
        if tablet.inFlight {
            switch HTTPResponse.parse(tablet.incoming) {
            case .incomplete:
                if peerClosed { fail(slot, "connection_closed", now: now) }
                return
            case .invalid(let reason):
                fail(slot, reason, now: now)
                return
            case .complete(let response, _):
                markDone(slot)
                // An answer before the whole request went out leaves the stream out of step: close it (which also
                // ends its write watch).
                if response.closeAfter || peerClosed || tablet.written < tablet.outgoing.count {
                    tablet.closeConnection()
                }
                phase.finished(tablet, response, failure: nil, now: now, stats: &stats)
                complete(slot, now: now)
            }
        } else if peerClosed || readAny {
            // The server closed an idle keep-alive connection (or sent something unasked): reconnect when needed.
            tablet.closeConnection()
        }
    }

    /// A request that failed below HTTP: close the connection, report it, move the tablet on.
    private func fail(_ slot: Int, _ reason: String, now: Double) {
        let tablet = tablets[slot]
        tablet.closeConnection()
        if tablet.inFlight { markDone(slot) }
        phase.finished(tablet, nil, failure: reason, now: now, stats: &stats)
        complete(slot, now: now)
    }
}
