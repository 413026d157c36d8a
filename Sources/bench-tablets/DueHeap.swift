/// A binary min-heap of (due time, tablet slot).
struct DueHeap {
    private var items: [(due: Double, slot: Int)] = []

    var peekDue: Double? { items.first?.due }

    mutating func push(due: Double, slot: Int) {
        items.append((due, slot))
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child].due < items[parent].due else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> (Double, Int)? {
        guard !items.isEmpty else { return nil }
        let top = items[0]
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var smallest = parent
                if left < items.count && items[left].due < items[smallest].due { smallest = left }
                if right < items.count && items[right].due < items[smallest].due { smallest = right }
                if smallest == parent { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return (top.due, top.slot)
    }
}
