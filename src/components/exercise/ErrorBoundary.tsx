// Keeps a bug in the exercise UI (or data it did not expect) from blanking
// the lesson: the broken part is replaced by a message with a way back.

import { Component, type ContextType, type ReactNode } from "react";
import { translator } from "../../i18n/messages/define";
import messages from "../../i18n/messages/exercise";
import { LanguageContext } from "./language";

interface Props {
  /** What broke, in the message: "the results", "the exercise". */
  what: string;
  children: ReactNode;
  /** Offered as a second button, e.g. "Reset view" clearing the results shown. */
  reset?: { label: string; run: () => void };
}

interface State {
  error: unknown;
}

/** Stands for a thrown null or undefined, so that "no error" stays undefined. */
const NOTHING_THROWN = Symbol("nothing thrown");

/** ErrorBoundary renders children, or after a render error a message with Try again (and an optional reset). */
export class ErrorBoundary extends Component<Props, State> {
  static override contextType = LanguageContext;
  declare context: ContextType<typeof LanguageContext>;
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error ?? NOTHING_THROWN };
  }

  override componentDidCatch(error: unknown): void {
    console.error(`The exercise could not show ${this.props.what}:`, error);
  }

  private retry = () => this.setState({ error: undefined });

  override render() {
    if (this.state.error === undefined) return this.props.children;
    const t = translator(messages, this.context?.locale ?? "en");
    let text: string;
    try {
      const error = this.state.error;
      text = error === NOTHING_THROWN ? t("unknownError") : error instanceof Error ? error.message : String(error);
    } catch {
      text = t("unprintable");
    }
    const { reset } = this.props;
    return (
      <div className="ex-broken" role="alert">
        <p>{t("broken", { what: this.props.what })}</p>
        <pre>{text.slice(0, 2000)}</pre>
        <button type="button" onClick={this.retry}>
          {t("tryAgain")}
        </button>{" "}
        {reset && (
          <button
            type="button"
            onClick={() => {
              reset.run();
              this.retry();
            }}
          >
            {reset.label}
          </button>
        )}
      </div>
    );
  }
}
