/**
 * 专家评分: the expert says who they are once; the eight criteria with weight and automated result, the expert's
 * score and note for each, the committee's figures by the rulebook's rule and the other experts' scores, "讨论"
 * with the threads on the row; then 回避 with its reason, the opinion and the sign-off.
 */
import { Badge, Button, Caption1, Checkbox, Field, Input, MessageBar, MessageBarActions, MessageBarBody, Select, Spinner, Text, Textarea } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { itemKey, type PaneItem } from '../../core/committee/pane.js';
import type { Lang, LoadedRulebook } from '../../core/index.js';
import { t, tAny } from '../../core/text/index.js';
import type { Host } from '../host.js';
import type { PaneThread } from '../../office/scoring.js';
import { useScoringStyles } from '../scoringStyles.js';
import { useStyles } from '../styles.js';
import { useScoring, type Scoring } from '../useScoring.js';
import { ConflictDialog } from './ConflictDialog.js';

/** The chart and its library load when the scores are shown, never with the pane's first download. */
const ScoreChart = lazy(() => import('./ScoreChart.js'));

const fmt = (x: number | null) => (x === null ? '—' : String(Math.round(x * 100) / 100));

export function ScoringPanel({ host, rb, lang }: { host: Host; rb: LoadedRulebook; lang: Lang }) {
  const s = useStyles();
  const sc = useScoring(host, rb, lang);
  const me = sc.view?.state.experts.find((x) => x.name === sc.expert) ?? null;
  return (
    <section aria-labelledby="scoring-heading" className={s.section} data-testid="scoring">
      <Text as="h2" id="scoring-heading" weight="semibold" size={400} className={s.heading}>
        {t('pane.score.heading', lang)}
      </Text>
      {!sc.opened && (
        <div className={s.actions}>
          <Button onClick={sc.open} data-testid="score-open">
            {t('pane.score.open', lang)}
          </Button>
        </div>
      )}
      {sc.busy && <Spinner size="tiny" label={t(sc.busy === 'load' ? 'pane.score.loading' : 'pane.score.saving', lang)} role="status" />}
      {sc.problem && (
        <MessageBar intent="warning" data-testid="score-problem">
          <MessageBarBody>{t(sc.problem === 'no-summary' ? 'pane.score.no-summary' : 'pane.score.not-trusted', lang)}</MessageBarBody>
        </MessageBar>
      )}
      {sc.opened && sc.problem && (
        <div className={s.actions}>
          <Button onClick={sc.refresh} data-testid="score-refresh">
            {t('pane.score.refresh', lang)}
          </Button>
        </div>
      )}
      <div aria-live="polite" data-testid="score-notices">
        {sc.notices.map((n, i) => (
          <MessageBar key={i} intent={n.intent}>
            <MessageBarBody>{n.text}</MessageBarBody>
          </MessageBar>
        ))}
      </div>
      {sc.conflict && <ConflictDialog conflict={sc.conflict} lang={lang} onSettle={sc.settle} />}
      {sc.leaving && (
        <MessageBar intent="warning" data-testid="score-leaving">
          <MessageBarBody>{t('pane.score.leave-unsaved', lang, { n: sc.unsaved })}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => sc.leave('stay')} data-testid="score-leave-stay">
              {t('pane.score.leave-stay', lang)}
            </Button>
            <Button onClick={() => sc.leave('discard')} data-testid="score-leave-discard">
              {t('pane.score.leave-discard', lang)}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {sc.view && !me && <WhoAmI sc={sc} lang={lang} />}
      {sc.view && me && <Sheet sc={sc} rb={rb} lang={lang} wps={host.kind === 'excel' && host.suite === 'wps'} />}
    </section>
  );
}

function WhoAmI({ sc, lang }: { sc: Scoring; lang: Lang }) {
  const s = useStyles();
  const names = sc.view!.state.experts.map((x) => x.name);
  // The name last used on this computer is offered, and confirmed for this workbook.
  const [pick, setPick] = useState(sc.suggested && names.includes(sc.suggested) ? sc.suggested : '');
  return (
    <div className={s.section}>
      <Field label={t('pane.score.who', lang)} hint={t('pane.score.who-hint', lang)}>
        <Select value={pick} onChange={(_e, d) => setPick(d.value)} data-testid="score-who">
          <option value="">{t('pane.score.choose', lang)}</option>
          {names.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
      </Field>
      <div className={s.actions}>
        <Button appearance="primary" disabled={!pick} onClick={() => sc.chooseExpert(pick)} data-testid="score-who-confirm">
          {t('pane.score.confirm-who', lang)}
        </Button>
      </div>
    </div>
  );
}

/** A field with its own draft: shows the workbook's value until edited; Save writes it. */
function useDraft(current: string) {
  const [draft, setDraft] = useState<string | null>(null);
  return { value: draft ?? current, dirty: draft !== null && draft !== current, set: setDraft, reset: () => setDraft(null) };
}

/**
 * A field: left with Enter or Tab (a score, one line), what was typed is saved; a text is saved with its button, and
 * until then the field says 未保存 (and the pane asks before it is lost).
 */
function SaveField({ sc, item, label, current, multiline, testid, lang }: { sc: Scoring; item: PaneItem; label: string; current: string; multiline?: boolean; testid: string; lang: Lang }) {
  const s = useScoringStyles();
  const d = useDraft(current);
  const { setUnsaved } = sc;
  useEffect(() => setUnsaved(testid, d.dirty), [setUnsaved, testid, d.dirty]);
  useEffect(() => () => setUnsaved(testid, false), [setUnsaved, testid]);
  // Enter, then the blur of clicking Save: one write, not two.
  const saving = useRef(false);
  const save = async () => {
    if (!d.dirty || saving.current) return;
    saving.current = true;
    try {
      if (await sc.save(item, d.value)) d.reset();
    } finally {
      saving.current = false;
    }
  };
  return (
    <div className={s.scoreRow}>
      <Field label={label} className={s.grow}>
        {multiline ? (
          <Textarea value={d.value} onChange={(_e, x) => d.set(x.value)} data-testid={testid} resize="vertical" />
        ) : (
          <Input
            value={d.value}
            onChange={(_e, x) => d.set(x.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void save();
            }}
            onBlur={() => void save()}
            data-testid={testid}
          />
        )}
      </Field>
      {d.dirty && (
        <Badge appearance="tint" color="warning" data-testid={`${testid}-unsaved`}>
          {t('pane.score.unsaved', lang)}
        </Badge>
      )}
      <Button disabled={sc.busy !== null || !d.dirty} onClick={() => void save()} data-testid={`${testid}-save`} aria-label={`${t('pane.score.save', lang)} ${label}`}>
        {t('pane.score.save', lang)}
      </Button>
    </div>
  );
}

function Threads({ threads, lang }: { threads: PaneThread[]; lang: Lang }) {
  const s = useStyles();
  if (!threads.length) return null;
  const open = threads.filter((x) => x.resolved !== true).length;
  return (
    <div data-testid="threads">
      <Caption1>{t('pane.discuss.threads', lang, { open, resolved: threads.length - open })}</Caption1>
      <ul className={s.list}>
        {threads.map((th) => (
          <li key={th.id} data-testid="thread" data-resolved={String(th.resolved === true)}>
            <Badge appearance="outline" color={th.resolved ? 'success' : 'informative'}>
              {t(th.resolved ? 'pane.discuss.resolved' : 'pane.discuss.open', lang)}
            </Badge>{' '}
            <Text className={s.message}>
              {th.author}：{th.content}
            </Text>{' '}
            {th.replies > 0 && <Caption1>{t('pane.discuss.replies', lang, { n: th.replies })}</Caption1>}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Discuss({ sc, criterion, lang }: { sc: Scoring; criterion: string; lang: Lang }) {
  const s = { ...useStyles(), ...useScoringStyles() };
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  if (!sc.caps.threads) return null;
  return (
    <div className={s.section}>
      {!open && (
        <div className={s.actions}>
          <Button size="small" onClick={() => setOpen(true)} data-testid={`discuss-${criterion}`}>
            {t('pane.discuss.button', lang)}
          </Button>
        </div>
      )}
      {open && (
        <div className={s.scoreRow}>
          <Field label={t('pane.discuss.label', lang, { id: criterion })} className={s.grow}>
            <Input value={text} onChange={(_e, d) => setText(d.value)} data-testid={`discuss-text-${criterion}`} lang={lang} />
          </Field>
          <Button
            disabled={!text.trim()}
            onClick={async () => {
              if (await sc.discuss(criterion, text)) {
                setText('');
                setOpen(false);
              }
            }}
            data-testid={`discuss-post-${criterion}`}
          >
            {t('pane.discuss.post', lang)}
          </Button>
        </div>
      )}
    </div>
  );
}

function Sheet({ sc, rb, lang, wps }: { sc: Scoring; rb: LoadedRulebook; lang: Lang; wps: boolean }) {
  const s = { ...useStyles(), ...useScoringStyles() };
  const view = sc.view!;
  const me = view.state.experts.find((x) => x.name === sc.expert)!;
  const others = view.state.experts.filter((x) => x.name !== me.name);
  const value = (item: PaneItem) => me.values.get(itemKey(item)) ?? '';
  const rule = tAny(`pane.score.rule.${view.state.rule}`, lang);
  const pick = (x: { zh: string; en: string }) => (lang === 'zh-CN' ? x.zh : x.en);
  const total = view.state.total;
  return (
    <div className={s.section} data-testid="score-sheet">
      <div className={s.groupHeader}>
        <Text weight="semibold" data-testid="score-as">
          {t('pane.score.as', lang, { name: me.name })}
        </Text>
        <Button size="small" appearance="subtle" onClick={() => sc.chooseExpert(null)} data-testid="score-change-who">
          {t('pane.score.change-who', lang)}
        </Button>
        <Button size="small" onClick={sc.refresh} data-testid="score-refresh">
          {t('pane.score.refresh', lang)}
        </Button>
      </div>
      {!sc.live && (
        <MessageBar intent="info">
          <MessageBarBody>{t(wps ? 'pane.score.events-none-wps' : 'pane.score.events-none', lang)}</MessageBarBody>
        </MessageBar>
      )}
      {me.recused && (
        <MessageBar intent="info">
          <MessageBarBody>{t('pane.score.recused-note', lang)}</MessageBarBody>
        </MessageBar>
      )}
      {!sc.caps.threads && <Caption1 className={s.muted}>{t(wps ? 'pane.discuss.none-wps' : 'pane.discuss.none', lang)}</Caption1>}
      {view.state.criteria.map((c) => {
        const cr = rb.data.criteria.find((x) => x.id === c.id)!;
        const score: PaneItem = { kind: 'score', criterion: c.id };
        const othersText = others.map((x) => `${x.name} ${x.recused ? t('pane.score.recused-mark', lang) : x.values.get(c.id) || t('pane.score.not-scored', lang)}`).join('，');
        return (
          <div key={c.id} className={s.criterion} data-testid={`criterion-${c.id}`}>
            <Text as="h3" weight="semibold" size={300} className={s.heading}>
              {t('pane.score.criterion', lang, { id: c.id, title: pick(cr.title) })}
            </Text>
            <Caption1>{t('pane.score.weight-auto', lang, { weight: c.weight, auto: c.auto || '—' })}</Caption1>
            <SaveField sc={sc} item={score} label={t('pane.score.score-label', lang, { id: c.id, weight: c.weight })} current={value(score)} testid={`score-${c.id}`} lang={lang} />
            <SaveField sc={sc} item={{ kind: 'note', criterion: c.id }} label={t('pane.score.note-label', lang, { id: c.id })} current={value({ kind: 'note', criterion: c.id })} testid={`note-${c.id}`} lang={lang} />
            <Caption1 data-testid={`committee-${c.id}`}>
              {t('pane.score.committee', lang, { score: fmt(c.score), rule, n: c.n, median: fmt(c.median), spread: fmt(c.spread) })}
              {c.toDiscuss && (
                <>
                  {' '}
                  <Badge color="warning">{t('pane.score.to-discuss', lang)}</Badge>
                </>
              )}
            </Caption1>
            {others.length > 0 && <Caption1 data-testid={`others-${c.id}`}>{t('pane.score.others', lang, { list: othersText })}</Caption1>}
            <Threads threads={view.threads?.get(c.id) ?? []} lang={lang} />
            <Discuss sc={sc} criterion={c.id} lang={lang} />
          </div>
        );
      })}
      <div className={s.criterion}>
        <Text as="h3" weight="semibold" size={300} className={s.heading}>
          {t('pane.score.total', lang)}
        </Text>
        <Caption1 data-testid="my-total">{t('pane.score.my-total', lang, { total: fmt(me.total) })}</Caption1>
        <Caption1 data-testid="committee-total">{t('pane.score.committee', lang, { score: fmt(total.score), rule, n: total.n, median: fmt(total.median), spread: fmt(total.spread) })}</Caption1>
        <Suspense fallback={<Spinner size="tiny" label={t('chart.pane.loading', lang)} />}>
          <ScoreChart state={view.state} lang={lang} busy={sc.busy !== null} {...(sc.canChart ? { onInsert: sc.insertChart } : {})} />
        </Suspense>
      </div>
      <div className={s.criterion}>
        <Checkbox
          checked={me.recused}
          disabled={sc.busy !== null}
          label={t('pane.score.recusal', lang)}
          onChange={(_e, d) => void sc.save({ kind: 'recusal' }, d.checked === true ? '是' : '否')}
          data-testid="recusal"
        />
        <SaveField sc={sc} item={{ kind: 'recusal-reason' }} label={t('pane.score.recusal-reason', lang)} current={value({ kind: 'recusal-reason' })} testid="recusal-reason" lang={lang} />
        <SaveField sc={sc} item={{ kind: 'opinion' }} label={t('pane.score.opinion', lang)} current={value({ kind: 'opinion' })} multiline testid="opinion" lang={lang} />
        <SaveField sc={sc} item={{ kind: 'signature' }} label={t('pane.score.signature', lang)} current={value({ kind: 'signature' })} testid="signature" lang={lang} />
      </div>
    </div>
  );
}
