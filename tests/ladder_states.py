"""The ladder climbed by hand: the states of a promise's earlier steps, as the store
keeps them once the owner sent each (domain/followup.py climbs a rung at a time: a
test that wants step 3 due now has steps 1 and 2 sent before)."""

from datetime import datetime, timedelta

from desktop.domain import followup as f


def climbed(promise: f.Promise, to_step: int, now: datetime, status: str = "sent") -> list[f.StepState]:
    """Steps 1 to ``to_step`` - 1 of ``promise`` acted on a day apart, the last one a day
    before ``now``."""
    steps = f.RULES[promise.rule].steps
    return [f.StepState(f.promise_key(promise, steps[k]), status, now - timedelta(days=to_step - 1 - k),
                        template=steps[k].template, person_id=promise.person_id) for k in range(to_step - 1)]


def climb_in_store(person_id: int, to_step: int, now: datetime) -> None:
    """In the database: her deliverables' reminders below step ``to_step`` marked sent,
    a rung a day, the last a day before ``now`` (as an owner who sent each when it came
    due), so each is at ``to_step`` at ``now``."""
    from desktop.store import due

    for _rung in range(to_step):
        behind = [item for item in due.plan(now, person_id) if item.kind == "deliverable"
                  and item.step.isdigit() and int(item.step) < to_step]
        if not behind:
            return
        for item in behind:
            due.mark_sent(item, now - timedelta(days=to_step - int(item.step)), item.channel, "")
