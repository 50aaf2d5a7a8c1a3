/**
 * Styles of the licence laid out like the physical card (道路交通法施行規則 別記様式第十四): the
 * front with its rows, the colour band of 有効期限 (gold 優良, green 新規, blue その他), the class
 * grid, the photo on the right. On phones the card becomes one column; every colour carries its word
 * too, so nothing depends on colour alone.
 */
import { css } from 'lit';

export const licenceCardStyles = css`
  .licence {
    border: 2px solid var(--color-border-strong);
    border-radius: var(--radius-l);
    background: linear-gradient(180deg, #f3f8ee 0%, #ffffff 45%);
    color: #1b2430;
    padding: var(--space-4);
    display: grid;
    grid-template-columns: minmax(0, 1fr) 9.5rem;
    gap: var(--space-3) var(--space-4);
    max-inline-size: 56rem;
  }
  .licence .main {
    display: grid;
    gap: var(--space-2);
    min-inline-size: 0;
  }
  .licence .photo {
    grid-column: 2;
    grid-row: 1;
    --photo-width: 9.5rem;
  }
  .line {
    display: grid;
    grid-template-columns: 5.5rem minmax(0, 1fr);
    gap: var(--space-2);
    align-items: baseline;
    border-bottom: 1px solid #c9d3c2;
    padding-bottom: var(--space-1);
  }
  .line .k {
    font-size: var(--font-size-s);
    color: #3b4656;
  }
  .line .v {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .band {
    border-radius: var(--radius-s);
    padding: var(--space-2) var(--space-3);
    font-weight: 700;
    display: flex;
    flex-wrap: wrap;
    gap: var(--space-2) var(--space-4);
    justify-content: space-between;
    border: 2px solid transparent;
  }
  .band.excellent {
    background: #e9c75b;
    color: #2b2000;
  }
  .band.new {
    background: #5fb36b;
    color: #0b2410;
  }
  .band.other,
  .band.unrecognised {
    background: #5b8fd6;
    color: #06182f;
  }
  .band.masked {
    background: var(--color-surface-sunken);
    color: var(--color-text-muted);
    border-color: var(--color-border);
  }
  .conditions {
    border: 1px solid #c9d3c2;
    border-radius: var(--radius-s);
    padding: var(--space-2) var(--space-3);
    background: #fff;
  }
  .conditions ol {
    margin: var(--space-1) 0 0;
  }
  .bottom {
    grid-column: 1 / -1;
    display: grid;
    grid-template-columns: 15rem minmax(0, 1fr);
    gap: var(--space-3);
    align-items: start;
  }
  .bottom > * {
    min-inline-size: 0;
  }
  .summary {
    display: grid;
    gap: var(--space-1);
    font-size: var(--font-size-s);
  }
  .summary div {
    display: grid;
    grid-template-columns: 5.5rem minmax(0, 1fr);
    gap: var(--space-2);
    border-bottom: 1px solid #c9d3c2;
  }
  ul.classgrid {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(10, minmax(0, 1fr));
    border-top: 1px solid #8a96a8;
    border-left: 1px solid #8a96a8;
    font-size: var(--font-size-s);
    background: #fff;
  }
  ul.classgrid li {
    margin: 0;
    border-right: 1px solid #8a96a8;
    border-bottom: 1px solid #8a96a8;
    text-align: center;
    padding: 4px 1px;
    word-break: keep-all;
    min-inline-size: 0;
    min-block-size: 2.2em;
    color: #5b6675;
    font-weight: 400;
  }
  ul.classgrid li.held {
    background: #1b2430;
    color: #ffffff;
    font-weight: 700;
  }
  ul.classgrid li.masked {
    color: #4a5566;
  }
  .authority {
    grid-column: 1 / -1;
    text-align: end;
    font-weight: 700;
  }
  svg.gaiji {
    inline-size: 1em;
    block-size: 1em;
    vertical-align: -0.12em;
    color: currentColor;
  }
  .kesuji,
  .gaiji.missing-glyph {
    color: var(--color-danger-text);
  }
  .masked-value {
    color: #4a5566;
    font-weight: 400;
    letter-spacing: 0.1em;
  }
  @media (max-width: 640px) {
    .licence {
      grid-template-columns: minmax(0, 1fr);
    }
    .licence .photo {
      grid-column: 1;
      grid-row: auto;
      justify-self: center;
    }
    .bottom {
      grid-template-columns: minmax(0, 1fr);
    }
    .line {
      grid-template-columns: 4.5rem minmax(0, 1fr);
    }
    ul.classgrid {
      grid-template-columns: repeat(5, minmax(0, 1fr));
    }
  }
`;
