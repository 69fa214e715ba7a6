/**
 * Activities, leads, opportunities, surveys and complaints as columns, each upserted by id,
 * with the activity, lead, survey and opportunity cubes kept up to date by retract-mutate-apply (see order-book.ts).
 * Event dates follow contract §5: a lead by created_on, an opportunity's win/cycle by closed_on
 * and its pipeline amount by created_on minus closed_on.
 */
import type { CreditCube } from './credit-cube.ts';
import type { ActivityFact, ComplaintFact, LeadFact, OpportunityFact, SurveyFact } from './facts.ts';
import {
  BitColumn,
  DayParser,
  Dictionary,
  FenColumn,
  float64Column,
  int8Column,
  NibbleColumn,
  NO_DAY,
  narrowColumn,
  OptionalDayColumn,
} from './growable.ts';
import { ACTIVITY, ACTIVITY_TYPES, LEADS, OPPORTUNITIES, SURVEYS } from './measures.ts';

/** One table of events: an id dictionary, an alive flag, a person and a day column. */
class EventTable {
  readonly ids = new Dictionary();
  readonly alive = new BitColumn();
  /** 2 bytes each while they fit (NarrowColumn). */
  readonly person = narrowColumn(-1);
  readonly day = narrowColumn();

  /** Index of the event, retracting its current contribution first. */
  begin(id: string, retract: (row: number) => void): number {
    const row = this.ids.intern(id);
    if (this.alive.get(row)) retract(row);
    return row;
  }

  remove(id: string, retract: (row: number) => void): void {
    const row = this.ids.find(id);
    if (row < 0 || !this.alive.get(row)) return;
    retract(row);
    this.alive.set(row, 0);
  }
}

const SURVEY_KINDS = ['nps', 'csat'];

export class EventLog {
  readonly activities = new EventTable();
  /** Index into ACTIVITY_TYPES, −1 for another type (four bits). */
  readonly activityType = new NibbleColumn(-1);
  readonly leads = new EventTable();
  readonly leadConverted = new OptionalDayColumn();
  /**
   * The latest converted_on ever loaded (never lowered): an as-of date on or after it has no
   * conversion after A to subtract, so only a backdated A scans the leads (collect-sums.ts).
   * An index by day cost ~1.5 bytes per order (issue 5, memory).
   */
  latestConversion = -1;
  readonly complaints = new EventTable();
  readonly surveys = new EventTable();
  /** 0 nps, 1 csat, −1 other. */
  readonly surveyKind = int8Column(-1);
  readonly surveyScore = float64Column();
  /** Opportunities: `day` is created_on. */
  readonly opportunities = new EventTable();
  readonly oppClosed = new OptionalDayColumn();
  readonly oppAmount = new FenColumn();
  /** 1 won, 0 lost, −1 empty. */
  readonly oppWon = int8Column(-1);

  constructor(
    private readonly people: Dictionary,
    private readonly activityCube: CreditCube,
    private readonly leadCube: CreditCube,
    private readonly surveyCube: CreditCube,
    private readonly opportunityCube: CreditCube,
    private readonly dates = new DayParser(),
  ) {}

  upsertActivity(fact: ActivityFact): void {
    const t = this.activities;
    const row = t.begin(fact.id, (r) => this.applyActivity(r, -1));
    t.alive.set(row, 1);
    t.person.set(row, this.people.intern(fact.repId));
    t.day.set(row, this.dates.day(fact.date));
    this.activityType.set(row, (ACTIVITY_TYPES as readonly string[]).indexOf(fact.type));
    this.applyActivity(row, 1);
  }

  upsertLead(fact: LeadFact): void {
    const t = this.leads;
    const row = t.begin(fact.id, (r) => this.applyLead(r, -1));
    this.setEvent(t, row, fact.repId, fact.createdOn);
    this.leadConverted.set(row, this.dayOrNone(fact.convertedOn));
    this.applyLead(row, 1);
  }

  upsertComplaint(fact: ComplaintFact): void {
    const t = this.complaints;
    const row = t.begin(fact.id, (r) =>
      this.leadCube.add(t.person.get(r), t.day.get(r), LEADS.complaints, -1),
    );
    this.setEvent(t, row, fact.repId, fact.date);
    this.leadCube.add(t.person.get(row), t.day.get(row), LEADS.complaints, 1);
  }

  upsertSurvey(fact: SurveyFact): void {
    const row = this.surveys.begin(fact.id, (r) => this.applySurvey(r, -1));
    this.setEvent(this.surveys, row, fact.repId, fact.date);
    this.surveyKind.set(row, SURVEY_KINDS.indexOf(fact.kind));
    this.surveyScore.set(row, fact.score);
    this.applySurvey(row, 1);
  }

  upsertOpportunity(fact: OpportunityFact): void {
    const row = this.opportunities.begin(fact.id, (r) => this.applyOpportunity(r, -1));
    this.setEvent(this.opportunities, row, fact.repId, fact.createdOn);
    this.oppClosed.set(row, this.dayOrNone(fact.closedOn));
    this.oppAmount.set(row, fact.amount);
    this.oppWon.set(row, fact.won == null ? -1 : fact.won ? 1 : 0);
    this.applyOpportunity(row, 1);
  }

  removeActivity(id: string): void {
    this.activities.remove(id, (r) => this.applyActivity(r, -1));
  }
  removeLead(id: string): void {
    const t = this.leads;
    t.remove(id, (r) => this.applyLead(r, -1));
  }
  removeComplaint(id: string): void {
    const t = this.complaints;
    t.remove(id, (r) => this.leadCube.add(t.person.get(r), t.day.get(r), LEADS.complaints, -1));
  }
  removeSurvey(id: string): void {
    this.surveys.remove(id, (r) => this.applySurvey(r, -1));
  }
  removeOpportunity(id: string): void {
    this.opportunities.remove(id, (r) => this.applyOpportunity(r, -1));
  }

  private dayOrNone(date: string | null | undefined): number {
    return date ? this.dates.day(date) : NO_DAY;
  }

  private setEvent(table: EventTable, row: number, repId: string, date: string): void {
    table.alive.set(row, 1);
    table.person.set(row, this.people.intern(repId));
    table.day.set(row, this.dates.day(date));
  }

  private applyLead(row: number, sign: number): void {
    const person = this.leads.person.get(row);
    const created = this.leads.day.get(row);
    const converted = this.leadConverted.get(row);
    this.leadCube.add(person, created, LEADS.leads, sign);
    if (converted === NO_DAY) return;
    this.leadCube.add(person, created, LEADS.leadsConverted, sign);
    if (converted > this.latestConversion) this.latestConversion = converted;
  }

  private applyActivity(row: number, sign: number): void {
    const person = this.activities.person.get(row);
    const day = this.activities.day.get(row);
    const type = this.activityType.get(row);
    this.activityCube.add(person, day, type >= 0 ? type : ACTIVITY.other, sign);
  }

  private applySurvey(row: number, sign: number): void {
    const person = this.surveys.person.get(row);
    const day = this.surveys.day.get(row);
    const score = this.surveyScore.get(row);
    const kind = this.surveyKind.get(row);
    if (kind === 0) {
      // contract §5 nps: promoter 9–10, detractor 0–6
      this.surveyCube.add(person, day, SURVEYS.npsResponses, sign);
      if (score >= 9) this.surveyCube.add(person, day, SURVEYS.npsPromoters, sign);
      if (score <= 6) this.surveyCube.add(person, day, SURVEYS.npsDetractors, sign);
    } else if (kind === 1) {
      this.surveyCube.add(person, day, SURVEYS.csatCount, sign);
      this.surveyCube.add(person, day, SURVEYS.csatSum, sign * score);
    }
  }

  private applyOpportunity(row: number, sign: number): void {
    const person = this.opportunities.person.get(row);
    const created = this.opportunities.day.get(row);
    const closed = this.oppClosed.get(row);
    const amount = this.oppAmount.get(row);
    this.opportunityCube.add(person, created, OPPORTUNITIES.openedAmount, sign * amount);
    if (closed === NO_DAY) return;
    // Leaves the pipeline the day after max(created, closed): open while created ≤ X < closed.
    this.opportunityCube.add(person, Math.max(created, closed), OPPORTUNITIES.closedAmount, sign * amount);
    this.opportunityCube.add(person, closed, OPPORTUNITIES.closed, sign);
    if (this.oppWon.get(row) === 1) {
      this.opportunityCube.add(person, closed, OPPORTUNITIES.won, sign);
      this.opportunityCube.add(person, closed, OPPORTUNITIES.wonCycleDays, sign * (closed - created));
    }
  }
}
