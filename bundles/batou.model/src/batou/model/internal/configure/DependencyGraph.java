package batou.model.internal.configure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * A directed graph of nodes that must come after other nodes. Finds cycles (strongly connected components,
 * Tarjan) and a deterministic topological order: among nodes that are ready, the one declared first goes first.
 */
final class DependencyGraph<N> {

    private final Map<N, Integer> index = new LinkedHashMap<>();
    private final List<N> nodes = new ArrayList<>();
    private final List<Set<Integer>> after = new ArrayList<>(); // node -> nodes it depends on

    void addNode(N node) {
        if (!index.containsKey(node)) {
            index.put(node, nodes.size());
            nodes.add(node);
            after.add(new LinkedHashSet<>());
        }
    }

    /** {@code dependant} comes after {@code dependency}. Self edges are ignored. */
    void addEdge(N dependant, N dependency) {
        addNode(dependant);
        addNode(dependency);
        int from = index.get(dependant);
        int to = index.get(dependency);
        if (from != to) {
            after.get(from).add(to);
        }
    }

    List<N> dependencies(N node) {
        List<N> result = new ArrayList<>();
        for (int dependency : after.get(index.get(node))) {
            result.add(nodes.get(dependency));
        }
        return result;
    }

    /** Every cycle as a path that starts and ends at the same node, one per strongly connected component. */
    List<List<N>> cycles() {
        List<List<N>> cycles = new ArrayList<>();
        for (List<Integer> component : stronglyConnected()) {
            if (component.size() > 1) {
                cycles.add(cycleThrough(component));
            }
        }
        return cycles;
    }

    /** The strongly connected components, dependencies before dependants. */
    List<List<Integer>> stronglyConnected() {
        int n = nodes.size();
        int[] order = new int[n];
        int[] low = new int[n];
        boolean[] onStack = new boolean[n];
        java.util.Arrays.fill(order, -1);
        Deque<Integer> stack = new ArrayDeque<>();
        List<List<Integer>> result = new ArrayList<>();
        int[] counter = { 0 };
        for (int start = 0; start < n; start++) {
            if (order[start] < 0) {
                strongConnect(start, order, low, onStack, stack, result, counter);
            }
        }
        return result;
    }

    // Iterative Tarjan, so that long chains of hosts do not overflow the stack.
    private void strongConnect(int start, int[] order, int[] low, boolean[] onStack, Deque<Integer> stack,
            List<List<Integer>> result, int[] counter) {
        Deque<int[]> work = new ArrayDeque<>(); // {node, next child position}
        Map<Integer, List<Integer>> children = new HashMap<>();
        work.push(new int[] { start, 0 });
        order[start] = low[start] = counter[0]++;
        stack.push(start);
        onStack[start] = true;
        while (!work.isEmpty()) {
            int[] frame = work.peek();
            int node = frame[0];
            List<Integer> next = children.computeIfAbsent(node, k -> new ArrayList<>(after.get(k)));
            if (frame[1] < next.size()) {
                int child = next.get(frame[1]++);
                if (order[child] < 0) {
                    order[child] = low[child] = counter[0]++;
                    stack.push(child);
                    onStack[child] = true;
                    work.push(new int[] { child, 0 });
                } else if (onStack[child]) {
                    low[node] = Math.min(low[node], order[child]);
                }
                continue;
            }
            work.pop();
            if (!work.isEmpty()) {
                int parent = work.peek()[0];
                low[parent] = Math.min(low[parent], low[node]);
            }
            if (low[node] == order[node]) {
                List<Integer> component = new ArrayList<>();
                int member;
                do {
                    member = stack.pop();
                    onStack[member] = false;
                    component.add(member);
                } while (member != node);
                component.sort(null);
                result.add(component);
            }
        }
    }

    /** A concrete cycle inside a strongly connected component, starting at its first declared node. */
    private List<N> cycleThrough(List<Integer> component) {
        Set<Integer> members = new LinkedHashSet<>(component);
        int start = component.get(0);
        // Breadth-first search for the shortest way back to start within the component.
        Map<Integer, Integer> previous = new HashMap<>();
        Deque<Integer> queue = new ArrayDeque<>();
        queue.add(start);
        Integer last = null;
        while (!queue.isEmpty() && last == null) {
            int node = queue.poll();
            for (int next : after.get(node)) {
                if (!members.contains(next)) {
                    continue;
                }
                if (next == start) {
                    last = node;
                    break;
                }
                if (!previous.containsKey(next)) {
                    previous.put(next, node);
                    queue.add(next);
                }
            }
        }
        List<N> path = new ArrayList<>();
        for (Integer node = last; node != null && node != start; node = previous.get(node)) {
            path.add(0, nodes.get(node));
        }
        path.add(0, nodes.get(start));
        path.add(nodes.get(start));
        return path;
    }

    /** Every node after its dependencies; ties by declaration order. Nodes on cycles are left out. */
    List<N> order() {
        int n = nodes.size();
        int[] waiting = new int[n];
        List<List<Integer>> dependants = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            dependants.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            waiting[i] = after.get(i).size();
            for (int dependency : after.get(i)) {
                dependants.get(dependency).add(i);
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            if (waiting[i] == 0) {
                ready.add(i);
            }
        }
        List<N> order = new ArrayList<>(n);
        while (!ready.isEmpty()) {
            int node = ready.poll();
            order.add(nodes.get(node));
            for (int dependant : dependants.get(node)) {
                if (--waiting[dependant] == 0) {
                    ready.add(dependant);
                }
            }
        }
        return order;
    }

    N node(int i) {
        return nodes.get(i);
    }
}
