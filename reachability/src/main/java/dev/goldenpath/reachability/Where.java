package dev.goldenpath.reachability;

/**
 * Where in a policy a problem is, e.g. {@code networkpolicy shop/allow-web: spec.ingress[0].from[1].podSelector}:
 * the steps are kept and joined only when a problem is reported. Compiling a valid policy (almost every one) then
 * costs a small object per step instead of a string per step, for every rule, peer, port and selector.
 */
final class Where {

    private final Where parent;
    private final String step;
    private final int index;

    private Where(Where parent, String step, int index) {
        this.parent = parent;
        this.step = step;
        this.index = index;
    }

    /** The start of a path, written as it is. */
    static Where of(String start) {
        return new Where(null, start, -1);
    }

    /** This path followed by {@code step}, written as it is (e.g. {@code ".from"} or {@code ": spec"}). */
    Where then(String step) {
        return new Where(this, step, -1);
    }

    /** This path followed by {@code [index]}. */
    Where at(int index) {
        return new Where(this, null, index);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        write(text);
        return text.toString();
    }

    private void write(StringBuilder text) {
        if (parent != null) {
            parent.write(text);
        }
        if (step != null) {
            text.append(step);
        } else {
            text.append('[').append(index).append(']');
        }
    }
}
