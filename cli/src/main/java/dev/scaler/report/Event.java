package dev.scaler.report;

/**
 * One line of a run's timeline (events.jsonl).
 *
 * @param t      seconds since the load started
 * @param type   start, end, fault (a fault injected), heal or restore (a fault undone), note; and the guardrails':
 *               steady-state (action met or not met), abort (an abort line tripped; target the line), rolled-back
 *               (every fault undone after the abort); scale (the autoscaler: action scale-up or scale-down when it
 *               decides a change, scaled when the change is done and serving, hold when it would change but may not);
 *               task on a swarm (action lost, moved or back; target the task; detail the nodes)
 * @param action what was done, e.g. kill, latency, partition (empty for start/end)
 * @param target what it was done to, e.g. database.primary (empty when none)
 * @param detail free text for people
 */
public record Event(double t, String type, String action, String target, String detail) {
    public static final String START = "start";
    public static final String END = "end";
    public static final String FAULT = "fault";
    public static final String HEAL = "heal";
    public static final String RESTORE = "restore";
    public static final String STEADY_STATE = "steady-state";
    public static final String MET = "met";
    public static final String NOT_MET = "not met";
    public static final String ABORT = "abort";
    public static final String ROLLED_BACK = "rolled-back";
    public static final String SCALE = "scale";
    /** On a swarm: a task lost (no longer running), moved (running on another node) or back (on its own node). */
    public static final String TASK = "task";

    public Event {
        action = action == null ? "" : action;
        target = target == null ? "" : target;
        detail = detail == null ? "" : detail;
    }

    public static Event fault(double t, String action, String target) {
        return new Event(t, FAULT, action, target, "");
    }

    public static Event heal(double t, String target) {
        return new Event(t, HEAL, "heal", target, "");
    }

    public boolean injects() {
        return FAULT.equals(type);
    }

    /** A heal or restore: the end of a fault. */
    public boolean heals() {
        return HEAL.equals(type) || RESTORE.equals(type);
    }
}
