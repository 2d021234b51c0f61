"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type KeyboardEvent, useEffect, useRef, useState, useTransition } from "react";
import type { ServerAction } from "@/lib/actions/safe-action";
import { cn } from "@/lib/cn";
import { minutesText } from "./hours";

type Saved = { version: number; minutes: number };

/** Moves the focus to the hours input `delta` rows away (Enter and the arrow keys, as in a spreadsheet). */
function focusSibling(from: HTMLInputElement, delta: number) {
  const inputs = [...document.querySelectorAll<HTMLInputElement>("input[data-hours-input]")];
  const next = inputs[inputs.indexOf(from) + delta];
  if (next) {
    next.focus();
    next.select();
  }
}

/**
 * One client's hours for the week, typed as "1:30", "1.5" or "90分": Enter (or leaving the cell changed) saves
 * with the version read; a save from elsewhere in between is a conflict that shows the stored value, and
 * saving again overwrites it.
 */
export function HoursInput({
  clientId,
  clientName,
  isoWeek,
  minutes,
  version,
  save,
}: {
  clientId: string;
  clientName: string;
  isoWeek: string;
  minutes: number | null;
  version: number;
  save: ServerAction<Saved>;
}) {
  const t = useTranslations("week");
  const router = useRouter();
  const [text, setText] = useState(minutesText(minutes));
  const [saved, setSaved] = useState({ version, text: minutesText(minutes) });
  const [message, setMessage] = useState<{ tone: "error" | "ok" | "conflict"; text: string } | null>(null);
  const [pending, start] = useTransition();
  // One save at a time: Enter moves the focus only after its save, and the blur that follows must not save again.
  const busy = useRef(false);
  const id = `hours-${clientId}`;

  // A refresh after a conflict brings the stored version (and value); the typed text stays.
  useEffect(() => {
    setSaved((s) => (s.version === version ? s : { version, text: minutesText(minutes) }));
  }, [version, minutes]);

  const submit = (after?: () => void) => {
    if (busy.current) return;
    if (text.trim() === saved.text) {
      after?.();
      return;
    }
    busy.current = true;
    start(async () => {
      try {
        const result = await save(null, { clientId, isoWeek, hours: text, version: saved.version });
        if (result.ok) {
          const value = minutesText(result.data.minutes);
          setSaved({ version: result.data.version, text: value });
          setText(value);
          setMessage({ tone: "ok", text: t("saved") });
          // Still busy: the blur this focus change causes sees the old closure and must not save again.
          after?.();
          return;
        }
        if (result.code === "conflict") {
          setMessage({ tone: "conflict", text: "" });
          router.refresh();
          return;
        }
        const field = result.code === "invalid" ? result.fieldErrors.hours?.[0] : undefined;
        setMessage({ tone: "error", text: field ?? result.message });
      } finally {
        busy.current = false;
      }
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    if (e.key === "Enter") {
      e.preventDefault();
      submit(() => focusSibling(input, e.shiftKey ? -1 : 1));
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      submit(() => focusSibling(input, e.key === "ArrowDown" ? 1 : -1));
    } else if (e.key === "Escape") {
      setText(saved.text);
      setMessage(null);
    }
  };

  const conflictText =
    message?.tone === "conflict" ? t("conflict", { hours: saved.text === "" ? t("hoursEmpty") : saved.text }) : null;
  return (
    <div className="min-w-28">
      <input
        id={id}
        data-hours-input
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (message?.tone === "ok") setMessage(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => submit()}
        inputMode="decimal"
        autoComplete="off"
        placeholder="0:00"
        aria-label={t("hoursLabel", { client: clientName })}
        aria-describedby={`${id}-message`}
        aria-invalid={message?.tone === "error" ? true : undefined}
        aria-busy={pending || undefined}
        className={cn(
          "w-24 rounded-md border-0 px-2 py-1 text-right text-sm tabular-nums ring-1 ring-inset ring-slate-300",
          "focus:ring-2 focus:ring-indigo-600 aria-[invalid=true]:ring-red-500",
          text.trim() !== saved.text && "bg-amber-50",
        )}
      />
      <p
        id={`${id}-message`}
        aria-live="polite"
        className={cn(
          "mt-0.5 text-xs",
          message?.tone === "ok" ? "text-emerald-700" : message ? "text-red-600" : "text-slate-400",
        )}
      >
        {pending ? t("saving") : (conflictText ?? message?.text ?? "")}
      </p>
    </div>
  );
}
