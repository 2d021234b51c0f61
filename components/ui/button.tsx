import type { ButtonHTMLAttributes } from "react";
import { cn } from "@/lib/cn";

// The look of each variant and size is a component class in app/globals.css (.btn, .btn-primary, .btn-sm, …).
const variants = {
  primary: "btn-primary",
  secondary: "btn-secondary",
  ghost: "btn-ghost",
  danger: "btn-danger",
} as const;

const sizes = { sm: "btn-sm", md: "btn-md" } as const;

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: keyof typeof variants;
  size?: keyof typeof sizes;
  pending?: boolean;
};

export function Button({
  variant = "primary",
  size = "md",
  pending,
  className,
  disabled,
  children,
  ...props
}: ButtonProps) {
  return (
    <button
      className={
        className ? cn("btn", variants[variant], sizes[size], className) : `btn ${variants[variant]} ${sizes[size]}`
      }
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      {...props}
    >
      {pending ? (
        <span className="size-3.5 animate-spin rounded-full border-2 border-current border-t-transparent" aria-hidden />
      ) : null}
      {children}
    </button>
  );
}

export const buttonClass = (variant: keyof typeof variants = "primary", size: keyof typeof sizes = "md") =>
  `btn ${variants[variant]} ${sizes[size]}`;
