// One ECharts chart (only the line and bar charts the dashboard uses are bundled), resized with its box.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export const PALETTE = ['#2f5bea', '#10a37f', '#f59e0b', '#e5484d', '#8b5cf6', '#0ea5e9'];

export interface ChartData {
  kind: 'line' | 'bar' | 'hbar';
  categories: string[];
  series: Array<{ name: string; values: Array<number | null> }>;
  percent?: boolean;
}

function option(data: ChartData): echarts.EChartsCoreOption {
  const horizontal = data.kind === 'hbar';
  const valueAxis = {
    type: 'value',
    minInterval: data.percent ? undefined : 1,
    max: data.percent ? 100 : undefined,
    axisLabel: { formatter: data.percent ? '{value}%' : '{value}' },
    splitLine: { lineStyle: { color: '#eef0f4' } },
  };
  const categoryAxis = {
    type: 'category',
    data: data.categories,
    inverse: horizontal,
    axisLabel: horizontal ? { width: 140, overflow: 'truncate' } : { hideOverlap: true },
    axisTick: { alignWithLabel: true },
  };
  return {
    color: PALETTE,
    animation: false,
    grid: { left: 12, right: 16, top: data.series.length > 1 ? 34 : 14, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: unknown) => (v === null ? '—' : data.percent ? `${v}%` : String(v)),
    },
    legend: data.series.length > 1 ? { top: 0, icon: 'roundRect', itemHeight: 8 } : undefined,
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: data.series.map((s) => ({
      name: s.name,
      type: data.kind === 'line' ? 'line' : 'bar',
      data: s.values,
      smooth: data.kind === 'line',
      showSymbol: data.categories.length < 20,
      connectNulls: true,
      barMaxWidth: 28,
      itemStyle:
        data.kind === 'line' ? undefined : { borderRadius: horizontal ? [0, 4, 4, 0] : [4, 4, 0, 0] },
      areaStyle: data.kind === 'line' && data.series.length === 1 ? { opacity: 0.08 } : undefined,
    })),
  };
}

export function MetricChart({ data, label }: { data: ChartData; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option(data), true);
  }, [data]);

  return (
    <div
      ref={box}
      className="chart"
      role="img"
      aria-label={label}
      data-chart-ready={data.categories.length}
    />
  );
}
