"use client";

import { useTranslations } from "next-intl";
import { AlertDialog } from "radix-ui";
import { type ReactNode, useRef, useState } from "react";
import { Button, type ButtonProps, buttonClass } from "./button";

/**
 * A button that asks before doing something that cannot be undone. Radix's AlertDialog traps focus, closes on
 * Escape, and focus returns to the button afterwards. The dialog is mounted when the button is pressed: a grid
 * with a delete button on each of its rows renders 25 buttons, not 25 dialogs.
 */
export function ConfirmButton({
  children,
  title,
  description,
  confirmLabel,
  onConfirm,
  variant = "ghost",
  size = "sm",
  pending,
  ...props
}: Omit<ButtonProps, "onClick"> & {
  title: ReactNode;
  description?: ReactNode;
  confirmLabel: ReactNode;
  onConfirm: () => void;
}) {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement | null>(null);
  return (
    <>
      <Button
        type="button"
        variant={variant}
        size={size}
        pending={pending}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={(event) => {
          trigger.current = event.currentTarget;
          setOpen(true);
        }}
        {...props}
      >
        {children}
      </Button>
      {open ? (
        <ConfirmDialog
          title={title}
          description={description}
          confirmLabel={confirmLabel}
          onConfirm={onConfirm}
          onClose={() => setOpen(false)}
          returnFocus={() => trigger.current?.focus()}
        />
      ) : null}
    </>
  );
}

function ConfirmDialog({
  title,
  description,
  confirmLabel,
  onConfirm,
  onClose,
  returnFocus,
}: {
  title: ReactNode;
  description?: ReactNode;
  confirmLabel: ReactNode;
  onConfirm: () => void;
  onClose: () => void;
  returnFocus: () => void;
}) {
  const t = useTranslations("common");
  return (
    <AlertDialog.Root open onOpenChange={(next) => (next ? undefined : onClose())}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <AlertDialog.Content
          className="fixed left-1/2 top-1/3 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 rounded-lg bg-white p-6 shadow-xl"
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            returnFocus();
          }}
        >
          <AlertDialog.Title className="text-base font-semibold">{title}</AlertDialog.Title>
          {description ? (
            <AlertDialog.Description className="mt-2 text-sm text-slate-600">{description}</AlertDialog.Description>
          ) : null}
          <div className="mt-6 flex justify-end gap-2">
            <AlertDialog.Cancel className={buttonClass("secondary")}>{t("cancel")}</AlertDialog.Cancel>
            <AlertDialog.Action className={buttonClass("danger")} onClick={onConfirm}>
              {confirmLabel}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
