// The last line of defence: a render error shows a way back instead of a blank page.
// Its fallback uses a plain link, so it works even where router context is missing.
import { Component, type ErrorInfo, type ReactNode } from 'react';

export class AppErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('render failed:', error.message, info.componentStack);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <main role="alert">
        <h1>Something went wrong</h1>
        <a href="/dashboard">Back to the dashboard</a>
      </main>
    );
  }
}
