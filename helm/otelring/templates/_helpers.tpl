{{/*
Names and labels. The app name defaults to "opentelemetry-collector", as the upstream chart's, so
that a release named opentelemetry-collector-traces gets a Service of that very name and the same
selector labels: whatever pointed at the upstream chart's objects finds these.
*/}}
{{- define "otelring.name" -}}
{{- default "opentelemetry-collector" .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "otelring.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := include "otelring.name" . }}
{{- if or (contains $name .Release.Name) (contains .Chart.Name .Release.Name) }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "otelring.namespace" -}}
{{- default .Release.Namespace .Values.namespaceOverride }}
{{- end }}

{{- define "otelring.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The workload's component, as upstream names it per mode. */}}
{{- define "otelring.component" -}}
{{- if eq .Values.mode "deployment" -}}
component: standalone-collector
{{- else if eq .Values.mode "daemonset" -}}
component: agent-collector
{{- else if eq .Values.mode "statefulset" -}}
component: statefulset-collector
{{- end -}}
{{- end }}

{{- define "otelring.selectorLabels" -}}
app.kubernetes.io/name: {{ include "otelring.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "otelring.labels" -}}
helm.sh/chart: {{ include "otelring.chart" . }}
{{ include "otelring.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: otelring
{{- if eq .Values.mode "deployment" }}
app.kubernetes.io/component: standalone-collector
{{- else if eq .Values.mode "daemonset" }}
app.kubernetes.io/component: agent-collector
{{- else if eq .Values.mode "statefulset" }}
app.kubernetes.io/component: statefulset-collector
{{- end }}
{{- with .Values.additionalLabels }}
{{ tpl (toYaml .) $ }}
{{- end }}
{{- end }}

{{- define "otelring.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "otelring.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* Object-name suffix of the workload and its ConfigMap, per mode (upstream's names). */}}
{{- define "otelring.suffix" -}}
{{- if eq .Values.mode "daemonset" }}-agent{{ else if eq .Values.mode "statefulset" }}-statefulset{{ end }}
{{- end }}

{{- define "otelring.configMapName" -}}
{{- if .Values.configMap.existingName }}
{{- tpl .Values.configMap.existingName . }}
{{- else }}
{{- printf "%s%s" (include "otelring.fullname" .) (include "otelring.suffix" .) }}
{{- end }}
{{- end }}

{{- define "otelring.image" -}}
{{- $registry := "" }}
{{- with (.Values.global).imageRegistry }}{{ $registry = printf "%s/" . }}{{ end }}
{{- if .Values.image.digest }}
{{- printf "%s%s@%s" $registry .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s%s:%s" $registry .Values.image.repository (.Values.image.tag | default .Chart.AppVersion | toString) }}
{{- end }}
{{- end }}

{{- define "otelring.serviceEnabled" -}}
{{- if eq .Values.mode "daemonset" }}
{{- ternary "true" "false" (eq (toString .Values.service.enabled) "true") }}
{{- else }}
{{- ternary "false" "true" (eq (toString .Values.service.enabled) "false") }}
{{- end }}
{{- end }}
