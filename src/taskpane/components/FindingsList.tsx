/**
 * Findings grouped by the eight criteria plus eligibility and veto (a monitoring form's by R1–R6), filterable by
 * status; a click on a finding selects its cell. Groups that did not pass are open.
 */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Caption1, ToggleButton } from '@fluentui/react-components';
import { useMemo, useState, type ReactNode } from 'react';
import type { Lang, Report, ReportFinding, Status } from '../../core/index.js';
import { STATUSES } from '../../core/types.js';
import { t, tAny } from '../../core/text/index.js';
import { useStyles } from '../styles.js';

const BADGE: Record<Status, { color: 'danger' | 'severe' | 'warning' | 'important' | 'informative' | 'success' | 'subtle' | 'brand'; appearance: 'filled' | 'tint' | 'outline' }> = {
  veto: { color: 'danger', appearance: 'filled' },
  fail: { color: 'severe', appearance: 'filled' },
  invalid: { color: 'important', appearance: 'filled' },
  missing: { color: 'warning', appearance: 'filled' },
  warn: { color: 'informative', appearance: 'tint' },
  review: { color: 'brand', appearance: 'tint' },
  pass: { color: 'success', appearance: 'tint' },
  // Not 'subtle': its outline badge is near-white text on white (axe: colour contrast). Informative reads as grey.
  na: { color: 'informative', appearance: 'outline' },
};

const ISSUES: Status[] = ['veto', 'fail', 'invalid', 'missing', 'warn', 'review'];
const RESULT_COLOR = { pass: 'success', fail: 'danger', incomplete: 'warning', veto: 'danger' } as const;

export function FindingsList({ report, lang, onSelect }: { report: Report; lang: Lang; onSelect: (f: ReportFinding) => void }) {
  const s = useStyles();
  const [shown, setShown] = useState<Set<Status>>(new Set(ISSUES));
  const byKey = useMemo(() => new Map(report.findings.map((f) => [f.key, f])), [report]);
  const counts = report.counts;
  const pick = (x: { zh: string; en: string }) => (lang === 'zh-CN' ? x.zh : x.en);
  const toggle = (st: Status) => {
    const next = new Set(shown);
    if (next.has(st)) next.delete(st);
    else next.add(st);
    setShown(next);
  };

  return (
    <>
      <div className={s.filters} role="group" aria-label={t('pane.filter', lang)}>
        <Filter checked={shown.size === STATUSES.length} onClick={() => setShown(new Set(shown.size === STATUSES.length ? ISSUES : STATUSES))} testId="filter-all">
          {t('pane.all', lang)}
        </Filter>
        {STATUSES.filter((st) => counts[st] > 0).map((st) => (
          <Filter key={st} checked={shown.has(st)} testId={`filter-${st}`} onClick={() => toggle(st)}>
            {tAny(`status.${st}`, lang)} {counts[st]}
          </Filter>
        ))}
      </div>

      <Accordion multiple collapsible defaultOpenItems={report.criteria.filter((g) => g.result !== 'pass').map((g) => g.id)} data-testid="groups">
        {report.criteria.map((g) => {
          const items = g.findings.map((k) => byKey.get(k)!).filter((f) => shown.has(f.status));
          return (
            <AccordionItem key={g.id} value={g.id} data-testid={`group-${g.id}`}>
              <AccordionHeader as="h3">
                <span className={s.groupHeader}>
                  <span>
                    {/^\d+$/.test(g.id) ? `${g.id}. ` : /^R\d+$/.test(g.id) ? `${g.id} ` : ''}
                    {pick(g.title)}
                  </span>
                  <Badge appearance="tint" color={RESULT_COLOR[g.result]}>
                    {g.resultText[lang]}
                  </Badge>
                </span>
              </AccordionHeader>
              <AccordionPanel>
                {items.length === 0 ? (
                  <Caption1 className={s.muted}>{t('pane.no-findings', lang)}</Caption1>
                ) : (
                  <ul className={s.list}>
                    {items.map((f) => (
                      <li key={f.key}>
                        <button
                          type="button"
                          className={s.finding}
                          onClick={() => onSelect(f)}
                          disabled={!f.cells.length}
                          data-testid="finding"
                          data-status={f.status}
                          data-cell={f.cells[0] ?? ''}
                          title={f.cells[0] ? `${t('pane.go-to-cell', lang)} ${f.cells[0]}` : undefined}
                        >
                          <Badge {...BADGE[f.status]}>{tAny(`status.${f.status}`, lang)}</Badge>
                          <span className={s.message}>{f.messages[lang]}</span>
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </>
  );
}

/** A filter toggle whose pressed state shows by a check mark and a filled button, not by colour alone. */
function Filter({ checked, onClick, testId, children }: { checked: boolean; onClick: () => void; testId: string; children: ReactNode }) {
  const s = useStyles();
  return (
    <ToggleButton
      size="small"
      checked={checked}
      appearance={checked ? 'primary' : 'outline'}
      icon={checked ? <span aria-hidden="true" className={s.pressedMark}>✓</span> : undefined}
      onClick={onClick}
      data-testid={testId}
    >
      {children}
    </ToggleButton>
  );
}
