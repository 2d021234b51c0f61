"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import {
  type ClipboardEvent,
  type KeyboardEvent,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useTransition,
} from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/misc";
import type { ServerAction } from "@/lib/actions/safe-action";
import { MEASURES, type MeasureKey, validateWeekCells } from "@/lib/domain/kpi";
import { messageFiller } from "@/lib/i18n/fill";
import {
  type ConflictCell,
  cellKey,
  type EntryCell,
  type EntryWeek,
  entryErrorKey,
  formatCell,
  isBlockPaste,
  parseCell,
  parsePastedBlock,
  type SavedWeek,
  valuesByKey,
} from "@/lib/kpis/entry";
import type { Channel } from "@/lib/options";
import { EntryConflictBanner, EntryConflictChoice } from "./entry-conflict";

type Notice = { tone: "success" | "info" | "error"; text: string };

/**
 * The weekly entry grid (SPEC §6): rows are the plan's measures, columns the client's channels, each cell
 * prefilled with the stored value and last week's beside it. Keyboard-first: Tab/Shift+Tab and the arrow
 * keys move, Enter moves down, Ctrl/⌘+Enter saves; a block pasted from a spreadsheet fills from the
 * focused cell. A conflict (someone saved the week in between) shows both values per differing cell.
 */
export function EntryGrid({
  clientId,
  isoWeek,
  channels,
  measures,
  week,
  previous,
  save,
}: {
  clientId: string;
  isoWeek: string;
  channels: readonly Channel[];
  measures: readonly MeasureKey[];
  week: EntryWeek;
  previous: { isoWeek: string; cells: EntryCell[] } | null;
  save: ServerAction<SavedWeek, EntryWeek>;
}) {
  const t = useTranslations("kpiEntry");
  const tm = useTranslations("kpis");
  const tc = useTranslations("channels");
  const format = useFormatter();
  const locale = useLocale();
  const show = useCallback(
    (measure: MeasureKey, value: number | null | undefined) => formatCell(measure, value, locale),
    [locale],
  );
  // Every cell's label and last week's figure: names translated once a grid, the texts filled without the
  // message formatter (96 cells and more a week).
  const labels = useMemo(
    () => ({
      cell: messageFiller(t.raw("cellLabel"), (values) => t("cellLabel", values)),
      previous: messageFiller(t.raw("previous"), (values) => t("previous", values)),
      measure: new Map(measures.map((measure) => [measure, tm(`measures.${measure}`)])),
      channel: new Map(channels.map((channel) => [channel, tc(channel)])),
    }),
    [t, tm, tc, measures, channels],
  );

  const [stored, setStored] = useState<EntryWeek>(week);
  const [texts, setTexts] = useState<Record<string, string>>(() => textsOf(week.cells, show));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  const [conflict, setConflict] = useState<{ by: string | null; cells: Record<string, ConflictCell> } | null>(null);
  const [pending, startTransition] = useTransition();
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const atFocus = useRef("");

  const previousValues = useMemo(() => valuesByKey(previous?.cells ?? []), [previous]);
  const storedValues = useMemo(() => valuesByKey(stored.cells), [stored]);
  const keyAt = (row: number, col: number) => {
    const measure = measures[row];
    const channel = channels[col];
    return measure && channel ? cellKey(channel, measure) : null;
  };
  const dirty = measures.some((measure) =>
    channels.some((channel) => {
      const key = cellKey(channel, measure);
      const parsed = parseCell(measure, texts[key] ?? "");
      return !parsed.ok || parsed.value !== (storedValues.get(key) ?? null);
    }),
  );

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const message = (code: string, params?: Record<string, number>) => t(entryErrorKey(code) as "errors.invalid", params);

  const focusCell = (row: number, col: number) => {
    const key = keyAt(row, col);
    const input = key ? inputs.current.get(key) : undefined;
    if (!input) return false;
    input.focus();
    input.select();
    return true;
  };

  const setText = (key: string, text: string) => {
    setTexts((current) => ({ ...current, [key]: text }));
    setErrors((current) => {
      if (!current[key]) return current;
      const { [key]: _, ...rest } = current;
      return rest;
    });
    setConflict((current) => {
      const cell = current?.cells[key];
      if (!current || !cell) return current;
      return { ...current, cells: { ...current.cells, [key]: { ...cell, mineText: text, choice: "mine" } } };
    });
  };

  /** A cell's text once it loses focus: formatted when it reads as a number, an error shown when not. */
  const settle = (measure: MeasureKey, key: string) => {
    const text = texts[key] ?? "";
    const parsed = parseCell(measure, text);
    if (parsed.ok) {
      const shown = show(measure, parsed.value);
      if (shown !== text) setTexts((current) => ({ ...current, [key]: shown }));
    } else {
      setErrors((current) => ({ ...current, [key]: [message(parsed.code)] }));
    }
  };

  // ─── Saving ───────────────────────────────────────────────────────────────────────────────────────────

  const gridCells = () =>
    measures.flatMap((measure) => channels.map((channel) => ({ channel, measure, key: cellKey(channel, measure) })));

  /** Errors a person can be told before anything is sent: unreadable numbers, then the domain's rules. */
  const checkLocally = (cells: ReturnType<typeof gridCells>) => {
    const found: Record<string, string[]> = {};
    const parsed: EntryCell[] = [];
    for (const { channel, measure, key } of cells) {
      const result = parseCell(measure, texts[key] ?? "");
      if (result.ok) parsed.push({ channel, measure, value: result.value });
      else found[key] = [message(result.code)];
    }
    if (Object.keys(found).length > 0) return found;
    const checked = validateWeekCells(isoWeek, parsed, { channels, measures });
    if (!checked.ok) Object.assign(found, errorsByCell(checked.errors, cells, message));
    return found;
  };

  const submit = () => {
    if (pending) return;
    const cells = gridCells();
    const local = checkLocally(cells);
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setNotice({ tone: "error", text: t("errorsSummary", { count: Object.keys(local).length }) });
      focusFirst(local);
      return;
    }
    const version = stored.version;
    startTransition(async () => {
      const result = await save(null, {
        clientId,
        isoWeek,
        version,
        cells: cells.map(({ channel, measure, key }) => ({ channel, measure, value: texts[key] ?? "" })),
      });
      if (result.ok) {
        setStored(result.data.week);
        setTexts(textsOf(result.data.week.cells, show));
        setErrors({});
        setConflict(null);
        setNotice({
          tone: "success",
          text: result.data.changed > 0 ? t("saved", { count: result.data.changed }) : t("unchanged"),
        });
        return;
      }
      if (result.code === "conflict" && result.current) {
        resolveAgainst(result.current);
        return;
      }
      if (result.code === "invalid") {
        const byCell = serverErrorsByCell(result.fieldErrors, cells);
        setErrors(byCell.cells);
        const count = Object.keys(byCell.cells).length;
        setNotice({
          tone: "error",
          text: [count > 0 ? t("errorsSummary", { count }) : result.message, ...byCell.other].join(" "),
        });
        focusFirst(byCell.cells);
        return;
      }
      setNotice({ tone: "error", text: result.message });
    });
  };

  /** Someone saved the week first: keep their version as the base and show both values where they differ. */
  const resolveAgainst = (current: EntryWeek) => {
    const theirs = valuesByKey(current.cells);
    const cells: Record<string, ConflictCell> = {};
    const nextTexts = { ...texts };
    for (const { measure, key } of gridCells()) {
      const parsed = parseCell(measure, texts[key] ?? "");
      const mine = parsed.ok ? parsed.value : null;
      const theirValue = theirs.get(key) ?? null;
      if (mine === theirValue) continue;
      // A cell the person did not touch takes theirs; one they changed keeps theirs only if they choose so.
      const touched = mine !== (storedValues.get(key) ?? null);
      const mineText = texts[key] ?? "";
      cells[key] = { mine, mineText, theirs: theirValue, choice: touched ? "mine" : "theirs" };
      nextTexts[key] = touched ? mineText : show(measure, theirValue);
    }
    setStored(current);
    setTexts(nextTexts);
    setErrors({});
    setConflict({ by: current.updatedByName, cells });
    setNotice(null);
  };

  const choose = (key: string, measure: MeasureKey, choice: "mine" | "theirs") => {
    const cell = conflict?.cells[key];
    if (!conflict || !cell) return;
    setConflict({ ...conflict, cells: { ...conflict.cells, [key]: { ...cell, choice } } });
    setTexts((current) => ({ ...current, [key]: choice === "mine" ? cell.mineText : show(measure, cell.theirs) }));
    setErrors((current) => {
      const { [key]: _, ...rest } = current;
      return rest;
    });
  };

  const chooseAll = (choice: "mine" | "theirs") => {
    if (!conflict) return;
    const cells: Record<string, ConflictCell> = {};
    const nextTexts = { ...texts };
    for (const { measure, key } of gridCells()) {
      const cell = conflict.cells[key];
      if (!cell) continue;
      cells[key] = { ...cell, choice };
      nextTexts[key] = choice === "mine" ? cell.mineText : show(measure, cell.theirs);
    }
    setConflict({ ...conflict, cells });
    setTexts(nextTexts);
    setErrors({});
  };

  const focusFirst = (found: Record<string, string[]>) => {
    for (const [row] of measures.entries())
      for (const [col] of channels.entries()) {
        const key = keyAt(row, col);
        if (key && found[key]) {
          focusCell(row, col);
          return;
        }
      }
  };

  const serverErrorsByCell = (fieldErrors: Record<string, string[]>, cells: ReturnType<typeof gridCells>) => {
    const byCell: Record<string, string[]> = {};
    const other: string[] = [];
    for (const [field, list] of Object.entries(fieldErrors)) {
      const match = /^cells\.(\d+)(?:\.|$)/.exec(field);
      const cell = match ? cells[Number(match[1])] : undefined;
      if (cell) byCell[cell.key] = [...(byCell[cell.key] ?? []), ...list];
      else other.push(...list);
    }
    return { cells: byCell, other };
  };

  // ─── Keyboard and paste ───────────────────────────────────────────────────────────────────────────────

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, row: number, col: number) => {
    const input = event.currentTarget;
    const start = input.selectionStart ?? 0;
    const end = input.selectionEnd ?? 0;
    const length = input.value.length;
    const allSelected = start === 0 && end === length;
    switch (event.key) {
      case "Enter":
        event.preventDefault();
        if (event.ctrlKey || event.metaKey) {
          submit();
          return;
        }
        if (event.shiftKey) {
          focusCell(row - 1, col);
          return;
        }
        // Down the column; from its last row on to the top of the next channel's column.
        if (!focusCell(row + 1, col)) focusCell(0, col + 1);
        return;
      case "ArrowDown":
        event.preventDefault();
        focusCell(row + 1, col);
        return;
      case "ArrowUp":
        event.preventDefault();
        focusCell(row - 1, col);
        return;
      case "ArrowLeft":
        if ((start === 0 && end === 0) || allSelected) {
          event.preventDefault();
          focusCell(row, col - 1);
        }
        return;
      case "ArrowRight":
        if ((start === length && end === length) || allSelected) {
          event.preventDefault();
          focusCell(row, col + 1);
        }
        return;
      case "Escape": {
        const key = keyAt(row, col);
        if (key) setText(key, atFocus.current);
        return;
      }
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>, row: number, col: number) => {
    const text = event.clipboardData.getData("text/plain");
    if (!isBlockPaste(text)) return; // one value: the input takes it as typed
    event.preventDefault();
    const block = parsePastedBlock(text);
    const nextTexts = { ...texts };
    const nextErrors = { ...errors };
    let count = 0;
    let skipped = 0;
    for (const [i, line] of block.entries()) {
      for (const [j, value] of line.entries()) {
        const measure = measures[row + i];
        const channel = channels[col + j];
        if (!measure || !channel) {
          if (value !== "") skipped++;
          continue;
        }
        const key = cellKey(channel, measure);
        const parsed = parseCell(measure, value);
        nextTexts[key] = parsed.ok ? show(measure, parsed.value) : value;
        if (parsed.ok) delete nextErrors[key];
        else nextErrors[key] = [message(parsed.code)];
        count++;
      }
    }
    setTexts(nextTexts);
    setErrors(nextErrors);
    if (conflict) {
      const cells = { ...conflict.cells };
      for (const [key, cell] of Object.entries(cells))
        if (nextTexts[key] !== texts[key]) cells[key] = { ...cell, mineText: nextTexts[key] ?? "", choice: "mine" };
      setConflict({ ...conflict, cells });
    }
    setNotice({ tone: "info", text: skipped > 0 ? t("pastedClipped", { count, skipped }) : t("pasted", { count }) });
  };

  // ─── Rendering ────────────────────────────────────────────────────────────────────────────────────────

  const conflictCount = conflict ? Object.keys(conflict.cells).length : 0;

  return (
    <div className="space-y-4">
      <p className="text-xs text-slate-600" id="kpi-entry-hint">
        {t("hint")}
      </p>
      {conflict ? (
        <EntryConflictBanner
          count={conflictCount}
          by={conflict.by}
          onKeepAllMine={() => chooseAll("mine")}
          onTakeAllTheirs={() => chooseAll("theirs")}
        />
      ) : null}
      <div className="overflow-x-auto">
        <table className="min-w-full border-separate border-spacing-0 text-sm" aria-describedby="kpi-entry-hint">
          <thead>
            <tr>
              <th
                scope="col"
                className="sticky left-0 bg-white px-2 py-2 text-left text-xs font-semibold text-slate-600"
              >
                {t("measure")}
              </th>
              {channels.map((channel) => (
                <th key={channel} scope="col" className="px-2 py-2 text-right text-xs font-semibold text-slate-600">
                  {labels.channel.get(channel)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {measures.map((measure, row) => (
              <tr key={measure} className="align-top">
                <th scope="row" className="sticky left-0 bg-white px-2 py-2 text-left font-normal whitespace-nowrap">
                  <span className="block text-slate-900">{labels.measure.get(measure)}</span>
                  <span className="block text-[11px] text-slate-500">{t(`units.${MEASURES[measure].unit}`)}</span>
                </th>
                {channels.map((channel, col) => {
                  const key = cellKey(channel, measure);
                  const cellErrors = errors[key];
                  const errorId = `kpi-cell-error-${key}`;
                  const previousValue = previousValues.get(key);
                  const conflictCell = conflict?.cells[key];
                  const label = labels.cell({
                    measure: labels.measure.get(measure) ?? measure,
                    channel: labels.channel.get(channel) ?? channel,
                  });
                  return (
                    <td key={channel} className="kpi-td">
                      <input
                        ref={(element) => {
                          if (element) inputs.current.set(key, element);
                          else inputs.current.delete(key);
                        }}
                        name={key}
                        aria-label={label}
                        aria-invalid={cellErrors ? true : undefined}
                        aria-describedby={cellErrors ? errorId : undefined}
                        inputMode="decimal"
                        autoComplete="off"
                        className={conflictCell ? "kpi-input kpi-input-conflict" : "kpi-input"}
                        value={texts[key] ?? ""}
                        onChange={(event) => setText(key, event.currentTarget.value)}
                        onFocus={(event) => {
                          atFocus.current = event.currentTarget.value;
                          event.currentTarget.select();
                        }}
                        onBlur={() => settle(measure, key)}
                        onKeyDown={(event) => onKeyDown(event, row, col)}
                        onPaste={(event) => onPaste(event, row, col)}
                      />
                      <span className="kpi-previous" data-previous>
                        {previousValue !== undefined ? labels.previous({ value: show(measure, previousValue) }) : ""}
                      </span>
                      {conflictCell ? (
                        <EntryConflictChoice
                          cell={conflictCell}
                          label={label}
                          show={(value) => show(measure, value)}
                          onChoose={(choice) => choose(key, measure, choice)}
                        />
                      ) : null}
                      {cellErrors ? (
                        <span id={errorId} className="ml-auto block max-w-28 text-left text-[11px] text-red-600">
                          {cellErrors.join(" ")}
                        </span>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" onClick={submit} pending={pending} aria-keyshortcuts="Control+Enter Meta+Enter">
          {t("save")}
          <kbd className="ml-1 rounded bg-white/20 px-1 text-[10px] font-normal">{t("saveShortcut")}</kbd>
        </Button>
        <span className="text-xs text-slate-500" aria-live="polite">
          {dirty ? t("dirty") : null}{" "}
          {stored.version > 0 && stored.updatedAt
            ? t("lastSaved", {
                name: stored.updatedByName ?? "—",
                at: format.dateTime(new Date(stored.updatedAt), {
                  dateStyle: "medium",
                  timeStyle: "short",
                  timeZone: "Asia/Tokyo",
                }),
              })
            : t("neverSaved")}
        </span>
        <span className="text-xs text-slate-500">
          {previous ? t("previousFrom", { week: previous.isoWeek }) : t("noPrevious")}
        </span>
      </div>
      <FormMessage tone={notice?.tone ?? "info"}>{notice?.text}</FormMessage>
    </div>
  );
}

function textsOf(cells: readonly EntryCell[], show: (m: MeasureKey, v: number | null) => string) {
  return Object.fromEntries(cells.map((c) => [cellKey(c.channel, c.measure), show(c.measure, c.value)]));
}

/** The domain's `cells.N.…` errors back onto the grid's cells (N indexes the cells as sent). */
function errorsByCell(
  list: readonly { field: string; code: string; params?: Readonly<Record<string, number>> }[],
  cells: readonly { key: string }[],
  message: (code: string, params?: Record<string, number>) => string,
) {
  const found: Record<string, string[]> = {};
  for (const error of list) {
    const match = /^cells\.(\d+)(?:\.|$)/.exec(error.field);
    const cell = match ? cells[Number(match[1])] : undefined;
    if (cell) found[cell.key] = [...(found[cell.key] ?? []), message(error.code, { ...error.params })];
  }
  return found;
}
